// A rough "Browser on OS" label so agents need not read a raw user-agent string.
// Order matters: Edge and Opera also claim Chrome, and Chrome also claims Safari.
const BROWSERS: ReadonlyArray<[string, RegExp]> = [
  ["Edge", /Edg(?:e|A|iOS)?\/(\d+)/],
  ["Opera", /OPR\/(\d+)/],
  ["Samsung Internet", /SamsungBrowser\/(\d+)/],
  ["Firefox", /(?:Firefox|FxiOS)\/(\d+)/],
  ["Chrome", /(?:Chrome|CriOS)\/(\d+)/],
  ["Safari", /Version\/(\d+)[\d.]* (?:Mobile\/\S+ )?Safari\//],
];

const SYSTEMS: ReadonlyArray<[string, RegExp]> = [
  ["Android", /Android/],
  ["iOS", /iPhone|iPad|iPod/],
  ["Windows", /Windows/],
  ["macOS", /Mac OS X|Macintosh/],
  ["ChromeOS", /CrOS/],
  ["Linux", /Linux/],
];

/** "Firefox 128 on Windows", or null when nothing is recognised. */
export function describeUserAgent(ua: string): string | null {
  const browser = BROWSERS.map(([name, re]) => [name, re.exec(ua)?.[1]] as const).find(([, version]) => version);
  const system = SYSTEMS.find(([, re]) => re.test(ua))?.[0];
  if (!browser && !system) return null;
  const browserText = browser ? `${browser[0]} ${browser[1]}` : "Unknown browser";
  return system ? `${browserText} on ${system}` : browserText;
}
