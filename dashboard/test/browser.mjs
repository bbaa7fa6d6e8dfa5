// Drives the dashboard in headless Chromium against a running chain (started
// by tests/e2e's TestDashboardInBrowser, which sets the variables below):
// checks what each page shows, that the live feed shows a task complete
// without a reload, and that "try it" pays for a task through a wallet; saves
// a desktop and a phone screenshot of every page.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import puppeteer from "puppeteer-core";
import { install, keyFromHex } from "./wallet.mjs";

const env = (k) => { const v = process.env[k]; if (!v) throw new Error(`${k} is not set`); return v; };
const url = env("DASHBOARD_URL");
const expect = JSON.parse(env("DASHBOARD_EXPECT"));
const shots = env("SCREENSHOTS");
const docs = process.env.DOCS_SCREENSHOTS;
mkdirSync(shots, { recursive: true });
if (docs) mkdirSync(docs, { recursive: true });

const desktop = { width: 1280, height: 900 };
// Width and height only: setting isMobile would make Chromium reload the page.
const phone = { width: 390, height: 844 };
const TIMEOUT = 120000;

const browser = await puppeteer.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  headless: true,
  args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
});
let passed = 0;
let failed = 0;

async function step(name, fn) {
  try {
    await fn();
    passed++;
    console.log(`ok   ${name}`);
  } catch (e) {
    failed++;
    console.log(`FAIL ${name}: ${e.stack || e}`);
  }
}

async function open(hash, viewport = desktop, setup) {
  const page = await browser.newPage();
  page.setDefaultTimeout(TIMEOUT);
  page.on("pageerror", (e) => console.log(`page error on ${hash}: ${e.message}`));
  if (setup) await setup(page);
  await page.setViewport(viewport);
  await page.goto(url + hash, { waitUntil: "networkidle0" });
  await page.waitForFunction(() => !document.querySelector("#page > p.muted")?.textContent?.startsWith("Loading"));
  return page;
}

const text = (page, sel) => page.$eval(sel, (e) => e.textContent.trim());

// shoot saves the page at desktop and phone width, and checks that at phone
// width nothing is wider than the screen.
async function shoot(page, name) {
  await page.screenshot({ path: `${shots}/${name}-desktop.png`, fullPage: true });
  if (docs) await page.screenshot({ path: `${docs}/${name}-desktop.jpg`, type: "jpeg", quality: 60 });
  await page.setViewport(phone);
  await new Promise((r) => setTimeout(r, 300));
  await page.screenshot({ path: `${shots}/${name}-phone.png`, fullPage: true });
  if (docs) await page.screenshot({ path: `${docs}/${name}-phone.jpg`, type: "jpeg", quality: 60 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 1, `${name} is ${overflow}px wider than a phone screen`);
  await page.setViewport(desktop);
}

await step("network overview shows tasks, volume, pools, workers, blocks and the chart", async () => {
  const page = await open("#/");
  await page.waitForFunction(() => document.querySelector("#chart svg"));
  assert.equal(await text(page, "#completed"), String(expect.completed));
  assert.equal(await text(page, "#open"), "0");
  assert.equal(await text(page, "#expired"), "0");
  assert.equal(await text(page, "#workers"), "1");
  assert.equal(await text(page, "#pools"), String(expect.pools));
  assert.equal(await text(page, "#volume"), expect.volume);
  assert.ok(Number((await text(page, "#height")).replace(/,/g, "")) > 2, "a block height");
  const bars = await page.$$eval("#chart rect", (r) => r.map((x) => Number(x.textContent.split(" ")[0])));
  assert.equal(bars.reduce((a, b) => a + b, 0), expect.completed, "the chart counts every result of the last hours");
  assert.ok((await page.$$("#feed li")).length >= expect.completed, "the latest tasks are listed");
  await shoot(page, "network");
  await page.close();
});

await step("models list name, owner, price, version, key, tasks, volume and latency", async () => {
  const page = await open("#/models");
  for (const m of expect.models) {
    const row = await page.$eval(`tr[data-model="${m.id}"]`, (tr) =>
      Object.fromEntries([...tr.querySelectorAll("td")].map((td) => [td.dataset.label, td.textContent.trim()])));
    assert.match(row.Model, new RegExp(m.name));
    assert.equal(row["Price per task"], m.price);
    assert.equal(row.Version, "v1");
    assert.match(row["Proving key"], /one party/);
    assert.equal(row["Tasks completed"], String(m.completed));
    assert.equal(row["Volume paid"], m.volume);
    assert.match(row["Median latency"], /^\d+(\.\d)? s$/);
    assert.ok(row.Owner.startsWith("hyra1"));
  }
  await shoot(page, "models");
  await page.close();
});

await step("a task page shows input, verified output and label, worker, split, proof and heights", async () => {
  const t = expect.task;
  const page = await open(`#/task/${t.id}`);
  await page.waitForSelector("#label");
  assert.equal(await text(page, "#label"), t.label);
  assert.equal(await text(page, "#output"), t.output.join(", "));
  assert.equal(await text(page, "#input"), t.input.join(", "));
  const split = await text(page, "#split");
  assert.match(split, new RegExp(`Worker${t.workerShare.replace(".", "\\.")}`));
  const steps = await page.$$eval("#steps li", (li) => li.map((x) => x.textContent.replace(/\s+/g, " ")));
  assert.equal(steps.length, 3, steps.join(" | "));
  assert.match(steps[0], /submitted .* at block \d+/);
  assert.match(steps[1], /claimed at block \d+/);
  assert.match(steps[2], /verified and paid at block \d+/);
  assert.match(await text(page, "main"), /Groth16 proof, \d+ bytes/);
  if (t.image) assert.ok(await page.$("svg.pixels"), "an image input is drawn");
  await shoot(page, "task");
  await page.close();
});

await step("workers are ranked with reputation, bond, tasks, earnings and lapsed claims", async () => {
  const page = await open("#/workers");
  const row = await page.$eval(`tr[data-worker="${expect.worker.address}"]`, (tr) =>
    Object.fromEntries([...tr.querySelectorAll("td")].map((td) => [td.dataset.label, td.textContent.trim()])));
  assert.equal(row.Rank, "1");
  assert.equal(row["Tasks done"], String(expect.completed));
  assert.equal(row.Earnings, expect.worker.earnings);
  assert.equal(row.Bond, expect.worker.bond);
  assert.equal(row["Lapsed claims"], "0");
  assert.ok(Number(row.Reputation) > 100, "reputation rose with the results");
  await shoot(page, "workers");
  await page.close();
});

await step("the live feed shows a new task submitted, claimed and completed without a reload", async () => {
  const page = await open("#/live");
  // The stream is live once the header shows a block it pushed.
  await page.waitForFunction(() => /^block \d/.test(document.querySelector("#live").textContent));
  await page.evaluate(() => { window.__notReloaded = true; });
  const out = execFileSync(JSON.parse(env("SUBMIT_CMD"))[0], JSON.parse(env("SUBMIT_CMD")).slice(1), { encoding: "utf8" });
  const id = JSON.parse(out.trim().split("\n").pop()).task_id;
  for (const s of ["routed", "claimed", "completed"]) {
    await page.waitForSelector(`#feed li[data-task="${id}"][data-step="${s}"]`);
  }
  assert.ok(await page.evaluate(() => window.__notReloaded), "the page was not reloaded");
  await shoot(page, "live");
  await page.close();
});

await step("try it without a wallet says so and gives the command", async () => {
  const page = await open("#/try");
  await page.waitForFunction(() => document.querySelector("textarea").value !== "");
  assert.match(await text(page, "#wallet"), /No browser wallet found/);
  const cmd = await text(page, "#command");
  assert.match(cmd, /^hyrad client infer --model \d+ --input [\d,]+ --reward \d+uhyra --wait/);
  assert.match(cmd, new RegExp(`--chain-id ${expect.chainId}`));
  await shoot(page, "try");
  await page.close();
});

await step("try it with a wallet pays for a task and follows it to its verified result", async () => {
  const key = keyFromHex(env("CLIENT_KEY"));
  const page = await open("#/try", desktop, (p) => install(p, key, env("CLIENT_ADDR")));
  await page.waitForFunction(() => document.querySelector("textarea").value !== "");
  assert.match(await text(page, "#wallet"), /wallet was found/);
  const input = await page.$eval("textarea", (t) => t.value);
  await page.click("button[type=submit]");
  await page.waitForFunction(() => /^#\/task\/\d+$/.test(location.hash) || /Not submitted/.test(document.querySelector("#progress")?.textContent ?? ""));
  assert.match(await page.evaluate(() => location.hash), /^#\/task\/\d+$/, await page.evaluate(() => document.querySelector("#progress")?.textContent));
  await page.waitForSelector("#label");
  assert.equal(await text(page, "#input"), input.split(",").join(", "));
  const id = (await page.evaluate(() => location.hash)).split("/").pop();
  const task = await (await fetch(`${new URL(url).origin}/hyra/taskpool/v1/tasks/${id}`)).json();
  assert.equal(task.task.input_encoding, "VECTOR_ENCODING_UINT8", "the input went in its compact encoding");
  const calls = await page.evaluate(() => window.__walletCalls.map((c) => c[0]));
  assert.deepEqual(calls, ["experimentalSuggestChain", "enable", "signDirect"]);
  await page.close();
});

await browser.close();
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
