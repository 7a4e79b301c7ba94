// Extracts `%plugin__NAME~Label%` strings from console-extensions.json (i18next-parser custom lexer).
const { EventEmitter } = require('events');

class ConsoleExtensionsLexer extends EventEmitter {
  extract(content) {
    const keys = [];
    const pattern = /"%([^"%]+)%"/g;
    let match;
    while ((match = pattern.exec(content)) !== null) {
      const [namespace, key] = match[1].split('~');
      if (key) keys.push({ key, namespace });
    }
    return keys;
  }
}

module.exports = { ConsoleExtensionsLexer };
