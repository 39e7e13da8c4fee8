export interface ScriptProfile {
  han: number;
  kana: number;
  hangul: number;
  latin: number;
  cyrillic: number;
  arabic: number;
  thai: number;
  other: number;
}

/** Letters per script, in one pass over code points (ranges, not regexes: this runs on every story). */
export function scriptProfile(text: string, limit = 600): ScriptProfile {
  const profile: ScriptProfile = { han: 0, kana: 0, hangul: 0, latin: 0, cyrillic: 0, arabic: 0, thai: 0, other: 0 };
  let seen = 0;
  for (const char of text) {
    if (++seen > limit) break;
    const c = char.codePointAt(0)!;
    if (c < 0x80) {
      if ((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a)) profile.latin++;
    } else if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0x20000 && c <= 0x3134f)) profile.han++;
    else if ((c >= 0x3040 && c <= 0x30ff) || (c >= 0x31f0 && c <= 0x31ff) || (c >= 0xff66 && c <= 0xff9f)) profile.kana++;
    else if ((c >= 0xac00 && c <= 0xd7af) || (c >= 0x1100 && c <= 0x11ff) || (c >= 0x3130 && c <= 0x318f)) profile.hangul++;
    else if ((c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7) || (c >= 0x1e00 && c <= 0x1eff)) profile.latin++;
    else if (c >= 0x400 && c <= 0x52f) profile.cyrillic++;
    else if ((c >= 0x600 && c <= 0x6ff) || (c >= 0x750 && c <= 0x77f) || (c >= 0xfb50 && c <= 0xfdff) || (c >= 0xfe70 && c <= 0xfeff)) profile.arabic++;
    else if (c >= 0xe00 && c <= 0xe7f) profile.thai++;
    else if (/\p{L}/u.test(char)) profile.other++;
  }
  return profile;
}
