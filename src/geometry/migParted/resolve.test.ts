import { entryMatchesGpu, isMigPartedProfileName, parsePciId } from '.';

describe('PCI ids and matching', () => {
  it('parses ids the way Go strconv.ParseUint(s, 0, 32) does', () => {
    expect(parsePciId('0x20b710de')).toEqual({ deviceId: '0x20B710DE' });
    expect(parsePciId('0x233010DE:0x16C110DE')).toEqual({
      deviceId: '0x233010DE',
      subsystemId: '0x16C110DE',
    });
    expect(parsePciId(String(0x20b710de))).toEqual({ deviceId: '0x20B710DE' });
    expect(parsePciId('0x2330_10DE')).toEqual({ deviceId: '0x233010DE' });
    expect(parsePciId('0x1FFFFFFFF')).toBeUndefined();
    expect(parsePciId('0xZZ')).toBeUndefined();
    expect(parsePciId('a:b:c')).toBeUndefined();
    expect(parsePciId('')).toBeUndefined();
  });

  it('matches filter, subsystem and index like mig-parted', () => {
    const gpu = { index: 1, deviceId: '0x233010DE', subsystemId: '0x16C110DE' };
    const entry = (deviceFilter: string | string[] | undefined, devices: 'all' | number[]) => ({
      deviceFilter,
      devices,
      migEnabled: false,
    });
    expect(entryMatchesGpu(entry(undefined, 'all'), gpu)).toBe(true);
    expect(entryMatchesGpu(entry('', 'all'), gpu)).toBe(true);
    expect(entryMatchesGpu(entry([], 'all'), gpu)).toBe(true);
    expect(entryMatchesGpu(entry('0x233010de', [1]), gpu)).toBe(true);
    expect(entryMatchesGpu(entry('0x233010DE', [0]), gpu)).toBe(false);
    expect(entryMatchesGpu(entry(['0x20B710DE', '0x233010DE:0x16C110DE'], 'all'), gpu)).toBe(true);
    expect(entryMatchesGpu(entry('0x233010DE:0x16C010DE', 'all'), gpu)).toBe(false);
    expect(
      entryMatchesGpu(entry('0x233010DE:0x16C110DE', 'all'), { index: 1, deviceId: '0x233010DE' }),
    ).toBe(false);
    expect(entryMatchesGpu(entry('garbage', 'all'), gpu)).toBe(false);
  });

  it('checks profile names with mig-parted strictness', () => {
    expect(isMigPartedProfileName('1g.10gb')).toBe(true);
    expect(isMigPartedProfileName('1g.24gb+me.all')).toBe(true);
    expect(isMigPartedProfileName('1g.24gb-me')).toBe(true);
    expect(isMigPartedProfileName('1c.3g.20gb')).toBe(true);
    expect(isMigPartedProfileName(' 1g.10gb')).toBe(false);
    expect(isMigPartedProfileName('4c.3g.20gb')).toBe(false);
    expect(isMigPartedProfileName('1g.10gb+me+me')).toBe(false);
  });
});
