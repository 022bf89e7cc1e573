// axe-core over standalone HTML pages in headless Chromium, driven by puppeteer-core.
//   node axe_page.cjs PAGE.html...   prints {"PAGE.html light": [violation, ...], ...} as JSON
// Each page is checked twice: in the light colours and in the dark ones (prefers-color-scheme).
// Rules: the WCAG 2.0, 2.1 and 2.2 level A and AA tags. The browser is PUPPETEER_EXECUTABLE_PATH
// (chromium-offline beside this file); the packages are found through NODE_PATH (npm root -g).
"use strict";
const path = require("node:path");
const { pathToFileURL } = require("node:url");
const puppeteer = require("puppeteer-core");
const AXE = require.resolve("axe-core/axe.min.js");
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"];

const SCHEMES = ["light", "dark"];

async function check(browser, file, scheme) {
  const page = await browser.newPage();
  await page.setBypassCSP(true);
  await page.emulateMediaFeatures([{ name: "prefers-color-scheme", value: scheme }]);
  await page.goto(pathToFileURL(path.resolve(file)).href, { waitUntil: "load" });
  await page.addScriptTag({ path: AXE });
  const options = { runOnly: { type: "tag", values: TAGS }, resultTypes: ["violations"] };
  const results = await page.evaluate((o) => window.axe.run(document, o), options);
  await page.close();
  return results.violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    help: v.help,
    targets: v.nodes.map((n) => n.target.join(" ")),
  }));
}

async function main(files) {
  const executablePath = process.env.PUPPETEER_EXECUTABLE_PATH;
  const browser = await puppeteer.launch({ executablePath, headless: true, args: [] });
  try {
    const report = {};
    for (const file of files) {
      for (const scheme of SCHEMES) report[`${file} ${scheme}`] = await check(browser, file, scheme);
    }
    process.stdout.write(JSON.stringify(report, null, 1) + "\n");
  } finally {
    await browser.close();
  }
}

main(process.argv.slice(2)).catch((error) => {
  process.stderr.write(`axe_page: ${error.stack || error}\n`);
  process.exit(2);
});
