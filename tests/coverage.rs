//! `rules/COVERAGE.md` stays true: in its section on the API table (aws-api.md §1), every row is
//! there once, every code it names is a rule, and every row the JSON alone decides (`yes`) names
//! a rule or schema code unless it is one of the open rows listed here.

use cloudfront_lint::rules::REGISTRY;

/// Rows checkable offline that no rule covers yet (none now; a new row of aws-api.md goes here
/// until a rule covers it).
const OPEN_YES_ROWS: [u32; 0] = [];

fn section<'d>(doc: &'d str, heading: &str) -> &'d str {
    let start = doc
        .find(&format!("\n{heading}\n"))
        .unwrap_or_else(|| panic!("no `{heading}`"));
    let rest = &doc[start + heading.len() + 2..];
    &rest[..rest.find("\n## ").unwrap_or(rest.len())]
}

fn codes_in(text: &str) -> Vec<&str> {
    let bytes = text.as_bytes();
    (0..bytes.len().saturating_sub(4))
        .filter(|&i| {
            text[i..].starts_with("CF")
                && bytes[i + 2..i + 5].iter().all(u8::is_ascii_digit)
                && bytes.get(i + 5).is_none_or(|b| !b.is_ascii_digit())
        })
        .map(|i| &text[i..i + 5])
        .collect()
}

#[test]
fn the_api_table_is_covered_row_by_row() {
    let doc = std::fs::read_to_string("rules/COVERAGE.md").unwrap();
    let table = section(&doc, "## CloudFront API rejections (aws-api.md §1)");
    let mut seen = Vec::new();
    for line in table.lines().filter(|l| l.starts_with("| ")) {
        let cells: Vec<&str> = line.trim_matches('|').split(" | ").map(str::trim).collect();
        let Ok(row) = cells[0].parse::<u32>() else {
            continue;
        };
        let (offline, covered) = (cells[cells.len() - 2], cells[cells.len() - 1]);
        let codes = codes_in(covered);
        for code in &codes {
            assert!(
                REGISTRY.iter().any(|r| r.meta().code == *code),
                "row {row} names {code}, which is no rule"
            );
        }
        if offline.starts_with("yes") && !OPEN_YES_ROWS.contains(&row) {
            assert!(
                !codes.is_empty(),
                "row {row} is checkable offline but names no rule: `{covered}`"
            );
        }
        if OPEN_YES_ROWS.contains(&row) {
            assert!(
                covered.starts_with("not yet"),
                "row {row} is listed as open: `{covered}`"
            );
        }
        seen.push(row);
    }
    assert_eq!(
        seen,
        (1..=100).collect::<Vec<_>>(),
        "every row once, in order"
    );
}
