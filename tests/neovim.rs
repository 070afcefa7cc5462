//! Neovim, started headless, as a real client of `cloudfront-lint server`: tests/lsp/neovim.lua
//! attaches the server to a broken fixture of each format and writes back what Neovim received.
//! Skipped (with the reason printed) where `nvim` is missing, unless CLOUDFRONT_LINT_REQUIRE_NVIM
//! is set: `.ci/run` installs Neovim after its first `cargo test`, then runs this test again with
//! it set, so CI cannot pass without a real client.

use serde_json::Value;
use std::process::Command;

#[test]
fn neovim_receives_diagnostics_hover_and_quick_fixes() {
    let present = Command::new("nvim").arg("--version").output().is_ok();
    if !present {
        assert!(
            std::env::var_os("CLOUDFRONT_LINT_REQUIRE_NVIM").is_none(),
            "nvim is missing: .ci/run installs the Debian package `neovim`"
        );
        eprintln!("skipped: nvim is not installed (Debian: apt-get install neovim)");
        return;
    }
    let dir = std::env::temp_dir().join(format!("cloudfront-lint-nvim-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let out = dir.join("results.json");
    let files = ["broken.json", "broken.yaml", "broken.tf"];
    for f in files {
        std::fs::copy(format!("tests/lsp/{f}"), dir.join(f)).unwrap();
    }
    // The server finds the configuration file beside the files, as the CLI does.
    std::fs::write(
        dir.join("cloudfront-lint.toml"),
        "[severity]\nCF602 = \"error\"\n",
    )
    .unwrap();
    let script = std::fs::canonicalize("tests/lsp/neovim.lua").unwrap();
    let status = Command::new("nvim")
        .args(["--headless", "-n", "-i", "NONE", "-u", "NONE"])
        .arg("-c")
        .arg(format!("luafile {}", script.display()))
        .args(files)
        .current_dir(&dir)
        .env("CFL_OUT", &out)
        .env("CFL_SERVER", env!("CARGO_BIN_EXE_cloudfront-lint"))
        .status()
        .unwrap();
    assert!(status.success(), "nvim: {status}");
    let results: Value = serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!(results["done"], true, "{results:#}");
    let entries = results["files"].as_array().unwrap();
    assert_eq!(entries.len(), 3, "{results:#}");
    for f in files {
        let entry = entries
            .iter()
            .find(|e| e["uri"].as_str().unwrap().ends_with(f))
            .unwrap_or_else(|| panic!("{f} in {results:#}"));
        let d = &entry["diagnostics"][0];
        assert_eq!(d["code"], "CF602", "{f}: {entry:#}");
        assert_eq!(
            d["severity"], 1,
            "{f}: cloudfront-lint.toml makes it an error"
        );
        let text = std::fs::read_to_string(format!("tests/lsp/{f}")).unwrap();
        let line = text
            .lines()
            .position(|l| l.contains("/index.html"))
            .unwrap();
        assert_eq!(d["range"]["start"]["line"], line as u64, "{f}");
        assert!(
            entry["hover"]["contents"]["value"]
                .as_str()
                .unwrap_or_default()
                .contains("CF602"),
            "{f}: {entry:#}"
        );
        let actions = entry["actions"].as_array().unwrap();
        assert!(
            actions
                .iter()
                .any(|a| a["kind"] == "quickfix" && a["isPreferred"] == true),
            "{f}: {entry:#}"
        );
        // "Ignore here": a comment in Terraform, the resource's Metadata in a template (the API
        // config has no place for one).
        let ignore = actions.iter().any(|a| {
            a["title"]
                .as_str()
                .is_some_and(|t| t.starts_with("Ignore CF602"))
        });
        assert_eq!(ignore, f != "broken.json", "{f}: {entry:#}");
    }
}
