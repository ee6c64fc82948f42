/** Plain text of a .docx as LibreOffice renders it (list numbers included), or null when soffice is not installed. */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export function hasLibreOffice(): boolean {
  try {
    execFileSync("which", ["soffice"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

export function libreOfficeText(bytes: Uint8Array, name = "doc"): string | null {
  if (!hasLibreOffice()) return null;
  const dir = mkdtempSync(join(tmpdir(), "lo-text-"));
  try {
    const input = join(dir, `${name}.docx`);
    writeFileSync(input, bytes);
    execFileSync("soffice", [`-env:UserInstallation=file://${dir}/profile`, "--headless", "--convert-to", "txt:Text (encoded):UTF8", "--outdir", dir, input], { stdio: "ignore", timeout: 120_000 });
    const out = join(dir, `${name}.txt`);
    // soffice exits 0 even when the conversion failed: the output file is the evidence.
    if (!existsSync(out)) throw new Error(`LibreOffice could not convert ${name}.docx`);
    return readFileSync(out, "utf8");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
