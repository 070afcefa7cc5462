//! A rule's Markdown page for a terminal (`cloudfront-lint explain`): headings emphasised,
//! paragraphs and list items wrapped to a width, code blocks indented, links as `text (url)`.
//! Escape codes only with `color`; without, the same layout in plain text (headings underlined).
//! Only what the pages in `rules/` use is understood; anything else passes through as text.

const BOLD: &str = "\x1b[1m";
const UNDERLINE: &str = "\x1b[4m";
const CYAN: &str = "\x1b[36m";
const DIM: &str = "\x1b[2m";
const RESET: &str = "\x1b[0m";

/// How one run of inline text is drawn.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Style {
    Plain,
    Code,
    Strong,
    Url,
}

impl Style {
    fn start(self) -> &'static str {
        match self {
            Style::Plain => "",
            Style::Code => CYAN,
            Style::Strong => BOLD,
            Style::Url => UNDERLINE,
        }
    }
}

/// Renders `markdown` for a terminal `width` columns wide.
pub fn render(markdown: &str, width: usize, color: bool) -> String {
    let width = width.max(20);
    let mut out = String::new();
    let mut lines = markdown.lines().peekable();
    // A paragraph or list item being gathered: its first-line prefix, its other lines' indent and
    // its text.
    let mut block: Option<(String, String, String)> = None;
    let flush = |block: &mut Option<(String, String, String)>, out: &mut String| {
        if let Some((first, rest, text)) = block.take() {
            out.push_str(&fill(&inline(&text, color), width, &first, &rest));
        }
    };
    while let Some(line) = lines.next() {
        let trimmed = line.trim_start();
        if let Some(fence) = trimmed.strip_prefix("```") {
            flush(&mut block, &mut out);
            let _language = fence;
            for code in lines.by_ref() {
                if code.trim_start().starts_with("```") {
                    break;
                }
                out.push_str("    ");
                if color {
                    out.push_str(DIM);
                    out.push_str(code);
                    out.push_str(RESET);
                } else {
                    out.push_str(code);
                }
                out.push('\n');
            }
        } else if trimmed.is_empty() {
            flush(&mut block, &mut out);
            if !out.is_empty() && !out.ends_with("\n\n") {
                out.push('\n');
            }
        } else if let Some((level, title)) = heading(line) {
            flush(&mut block, &mut out);
            let text: String = inline(title, false)
                .iter()
                .map(|w| w.0.as_str())
                .collect::<Vec<_>>()
                .join(" ");
            if color {
                let style = if level == 1 {
                    format!("{BOLD}{UNDERLINE}")
                } else {
                    BOLD.to_owned()
                };
                out.push_str(&format!("{style}{text}{RESET}\n"));
            } else {
                out.push_str(&text);
                out.push('\n');
                if level <= 2 {
                    let rule = if level == 1 { "=" } else { "-" };
                    out.push_str(&rule.repeat(text.chars().count().min(width)));
                    out.push('\n');
                }
            }
        } else if trimmed.starts_with('|') {
            // A table: its own layout, as written.
            flush(&mut block, &mut out);
            out.push_str(line);
            out.push('\n');
        } else if let Some((marker, item)) = list_item(line) {
            flush(&mut block, &mut out);
            let indent = " ".repeat(marker.chars().count());
            block = Some((marker, indent, item.to_owned()));
        } else if let Some(quote) = trimmed.strip_prefix('>') {
            flush(&mut block, &mut out);
            block = Some(("  │ ".into(), "  │ ".into(), quote.trim().to_owned()));
        } else {
            match &mut block {
                Some((_, _, text)) => {
                    text.push(' ');
                    text.push_str(trimmed);
                }
                None => block = Some((String::new(), String::new(), trimmed.to_owned())),
            }
        }
    }
    flush(&mut block, &mut out);
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}

/// `## Title` → (2, "Title").
fn heading(line: &str) -> Option<(usize, &str)> {
    let level = line.bytes().take_while(|&b| b == b'#').count();
    let title = line[level..].strip_prefix(' ')?;
    (1..=6).contains(&level).then_some((level, title.trim()))
}

/// `- item` or `3. item` → (the marker as drawn, the item's text).
fn list_item(line: &str) -> Option<(String, &str)> {
    let indent = line.len() - line.trim_start().len();
    let rest = &line[indent..];
    let pad = " ".repeat(indent);
    if let Some(item) = rest.strip_prefix("- ").or_else(|| rest.strip_prefix("* ")) {
        return Some((format!("{pad}• "), item));
    }
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    if digits > 0 {
        if let Some(item) = rest[digits..].strip_prefix(". ") {
            return Some((format!("{pad}{}. ", &rest[..digits]), item));
        }
    }
    None
}

/// Inline Markdown as words: (what it shows, what it prints, escape codes included).
fn inline(text: &str, color: bool) -> Vec<(String, String)> {
    let mut runs: Vec<(Style, String)> = Vec::new();
    let mut plain = String::new();
    let mut rest = text;
    let push = |runs: &mut Vec<(Style, String)>, plain: &mut String, style, s: &str| {
        if !plain.is_empty() {
            runs.push((Style::Plain, std::mem::take(plain)));
        }
        runs.push((style, s.to_owned()));
    };
    while let Some(c) = rest.chars().next() {
        if c == '`' {
            if let Some(end) = rest[1..].find('`') {
                let code = &rest[1..1 + end];
                // Plain text keeps the backticks: they say where code starts and ends.
                let shown = if color {
                    code.to_owned()
                } else {
                    format!("`{code}`")
                };
                push(&mut runs, &mut plain, Style::Code, &shown);
                rest = &rest[end + 2..];
                continue;
            }
        } else if let Some(after) = rest.strip_prefix("**") {
            if let Some(end) = after.find("**") {
                push(&mut runs, &mut plain, Style::Strong, &after[..end]);
                rest = &after[end + 2..];
                continue;
            }
        } else if c == '[' {
            if let Some((label, url, len)) = link(rest) {
                if !label.is_empty() && label != url {
                    plain.push_str(label);
                    plain.push_str(" (");
                    push(&mut runs, &mut plain, Style::Url, url);
                    plain.push(')');
                } else {
                    push(&mut runs, &mut plain, Style::Url, url);
                }
                rest = &rest[len..];
                continue;
            }
        } else if c == '<' && rest[1..].starts_with("http") {
            if let Some(end) = rest.find('>') {
                push(&mut runs, &mut plain, Style::Url, &rest[1..end]);
                rest = &rest[end + 1..];
                continue;
            }
        }
        plain.push(c);
        rest = &rest[c.len_utf8()..];
    }
    if !plain.is_empty() {
        runs.push((Style::Plain, plain));
    }
    // Split into words at spaces, each piece of a word in its own style.
    let mut words = Vec::new();
    let mut shown = String::new();
    let mut printed = String::new();
    for (style, run) in &runs {
        for (i, piece) in run.split(' ').enumerate() {
            if i > 0 && !shown.is_empty() {
                words.push((std::mem::take(&mut shown), std::mem::take(&mut printed)));
            }
            if piece.is_empty() {
                continue;
            }
            shown.push_str(piece);
            if color && *style != Style::Plain {
                printed.push_str(style.start());
                printed.push_str(piece);
                printed.push_str(RESET);
            } else {
                printed.push_str(piece);
            }
        }
    }
    if !shown.is_empty() {
        words.push((shown, printed));
    }
    words
}

/// `[label](url)` at the start of `text`: the label, the URL and the length taken.
fn link(text: &str) -> Option<(&str, &str, usize)> {
    let close = text.find("](")?;
    let label = &text[1..close];
    if label.contains('[') {
        return None;
    }
    let end = text[close + 2..].find(')')?;
    let url = &text[close + 2..close + 2 + end];
    (!url.contains(' ')).then_some((label, url, close + 3 + end))
}

/// Words laid out in lines of at most `width` columns (a longer word gets a line of its own).
fn fill(words: &[(String, String)], width: usize, first: &str, rest: &str) -> String {
    let mut out = String::new();
    let mut column = 0;
    for (shown, printed) in words {
        let len = shown.chars().count();
        if column == 0 {
            let prefix = if out.is_empty() { first } else { rest };
            out.push_str(prefix);
            column = prefix.chars().count();
        } else if column + 1 + len > width {
            out.push('\n');
            out.push_str(rest);
            column = rest.chars().count();
        } else {
            out.push(' ');
            column += 1;
        }
        out.push_str(printed);
        column += len;
    }
    if !out.is_empty() {
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::render;

    #[test]
    fn paragraphs_wrap_and_keep_their_words() {
        let text = "# CF1 x\n\nOne two three four five six seven eight nine ten eleven twelve.\n";
        let out = render(text, 20, false);
        assert!(out.starts_with("CF1 x\n=====\n\n"), "{out}");
        assert!(out.lines().all(|l| l.chars().count() <= 20), "{out}");
        let words: Vec<&str> = out
            .lines()
            .skip(3)
            .flat_map(str::split_whitespace)
            .collect();
        assert_eq!(words.len(), 12, "{out}");
    }

    #[test]
    fn links_code_and_lists() {
        let md =
            "- see [the guide](https://x.example/a) and `Quantity`\n\n```json\n{\"a\": 1}\n```\n";
        let out = render(md, 80, false);
        assert!(
            out.contains("• see the guide (https://x.example/a) and `Quantity`"),
            "{out}"
        );
        assert!(out.contains("\n    {\"a\": 1}"), "{out}");
        let colored = render(md, 80, true);
        assert!(colored.contains("\x1b[36mQuantity\x1b[0m"), "{colored}");
        assert!(!out.contains('\x1b'));
    }
}
