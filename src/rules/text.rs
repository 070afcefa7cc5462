//! Small text helpers the rules share: placeholders, "did you mean", lists in messages.

/// A value still holding a template or shell placeholder (`${ALB_DNS}`, `$(date +%s)`, `$BUCKET`,
/// `{{ domain }}`): it will be something else when deployed, so it never decides a finding alone.
pub fn is_placeholder(value: &str) -> bool {
    let b = value.as_bytes();
    if value.contains("{{") || value.contains("${") || value.contains("$(") {
        return true;
    }
    b.windows(2)
        .any(|w| w[0] == b'$' && (w[1].is_ascii_alphabetic() || w[1] == b'_'))
}

/// A template marker (`${…}`, `$(…)`, `{{ … }}`), for values where a bare `$word` is legal
/// text, such as path patterns.
pub fn has_template(value: &str) -> bool {
    value.contains("${") || value.contains("$(") || value.contains("{{")
}

/// The text to write for `to` where the file writes `from` as `written` (a key or a string: plain,
/// or in double or single quotes), in the same quoting; `None` unless `written` is exactly `from`,
/// or when `to` could not be written that way (plain text YAML would read as something else, a
/// template marker a Terraform string would expand).
pub fn respelled(written: &str, from: &str, to: &str) -> Option<String> {
    if to.is_empty() || from == to || has_template(to) || to.contains("%{") {
        return None;
    }
    let double = |s: &str| serde_json::to_string(s).ok();
    let single = |s: &str| format!("'{}'", s.replace('\'', "''"));
    if written == from {
        // Plain: YAML's scalars (an identifier in HCL). Only text YAML reads as that same text.
        let plain = to.starts_with(|c: char| c.is_ascii_alphabetic())
            && to
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "-_./:".contains(c))
            && !["y", "n", "yes", "no", "on", "off", "true", "false", "null"]
                .iter()
                .any(|w| w.eq_ignore_ascii_case(to));
        return plain.then(|| to.to_owned());
    }
    if double(from).as_deref() == Some(written) {
        return double(to);
    }
    (single(from) == written).then(|| single(to))
}

/// Levenshtein distance over characters, for suggestions.
pub fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut previous = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let current = row[j + 1];
            row[j + 1] = if ca == *cb {
                previous
            } else {
                1 + previous.min(row[j]).min(row[j + 1])
            };
            previous = current;
        }
    }
    row[b.len()]
}

/// The candidate closest to `wanted`, if it is close enough to be what was meant: a different
/// case, or at most a third of the characters wrong. Among equally close ones, the one sharing
/// the longest beginning wins, then the one whose first differing character is nearest (`TLSv1.3`
/// suggests `TLSv1.2`, not the weaker `TLSv1.1`; `CF2O4` suggests `CF204`).
pub fn closest<'c>(wanted: &str, candidates: impl IntoIterator<Item = &'c str>) -> Option<&'c str> {
    let wanted_lower = wanted.to_lowercase();
    // (edit distance, longest shared beginning first, gap at the first difference)
    type Rank = (usize, std::cmp::Reverse<usize>, u32);
    let mut best: Option<(Rank, &str)> = None;
    for candidate in candidates {
        let candidate_lower = candidate.to_lowercase();
        let distance = if candidate_lower == wanted_lower {
            0
        } else {
            edit_distance(wanted, candidate)
        };
        let limit = (wanted.chars().count().max(candidate.chars().count()) / 3).max(1);
        if distance > limit {
            continue;
        }
        let shared = wanted_lower
            .chars()
            .zip(candidate_lower.chars())
            .take_while(|(a, b)| a == b)
            .count();
        let gap = match (
            wanted_lower.chars().nth(shared),
            candidate_lower.chars().nth(shared),
        ) {
            (Some(a), Some(b)) => (lookalike(a) as u32).abs_diff(lookalike(b) as u32),
            _ => u32::MAX,
        };
        let rank = (distance, std::cmp::Reverse(shared), gap);
        if best.as_ref().is_none_or(|(r, _)| rank < *r) {
            best = Some((rank, candidate));
        }
    }
    best.map(|(_, c)| c)
}

/// Characters typed for one another: O for 0, l and I for 1.
fn lookalike(c: char) -> char {
    match c {
        'o' => '0',
        'l' | 'i' => '1',
        c => c,
    }
}

/// The candidates that begin with `wanted` (without case): `TLSv1.2` for `TLSv1.2_2021` and its
/// siblings, where an edit distance would point at something shorter and weaker.
pub fn extensions<'c>(wanted: &str, candidates: impl IntoIterator<Item = &'c str>) -> Vec<&'c str> {
    let wanted = wanted.to_lowercase();
    candidates
        .into_iter()
        .filter(|c| c.len() > wanted.len() && c.to_lowercase().starts_with(&wanted))
        .collect()
}

/// `a`, `a` and `b`, `a`, `b` and `c`, each in backticks.
pub fn quoted_list<S: AsRef<str>>(items: &[S]) -> String {
    let quoted: Vec<String> = items.iter().map(|s| format!("`{}`", s.as_ref())).collect();
    match quoted.len() {
        0 => String::new(),
        1 => quoted[0].clone(),
        n => format!("{} and {}", quoted[..n - 1].join(", "), quoted[n - 1]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders() {
        for p in [
            "${ALB_DNS}",
            "cli-$(date +%s)",
            "$BUCKET_NAME.s3.amazonaws.com",
            "{{ origin }}",
        ] {
            assert!(is_placeholder(p), "{p}");
        }
        for p in ["primary-alb", "price$5", "a$", "your-bucket-name"] {
            assert!(!is_placeholder(p), "{p}");
        }
    }

    #[test]
    fn suggestions() {
        assert_eq!(
            closest("failover-grup", ["primary", "failover-group"]),
            Some("failover-group")
        );
        assert_eq!(closest("S3-Origin", ["s3-origin"]), Some("s3-origin"));
        assert_eq!(closest("api", ["static-site"]), None);
        assert_eq!(
            closest("http2.0", ["http1.1", "http2", "http3", "http2and3"]),
            Some("http2")
        );
        assert_eq!(
            closest("TLSv1.3", ["SSLv3", "TLSv1", "TLSv1.1", "TLSv1.2"]),
            Some("TLSv1.2")
        );
        assert_eq!(closest("CF2O4", ["CF204", "CF214", "CF404"]), Some("CF204"));
        assert_eq!(
            extensions("TLSv1.2", ["TLSv1", "TLSv1.2_2019", "TLSv1.2_2021"]),
            ["TLSv1.2_2019", "TLSv1.2_2021"]
        );
        assert_eq!(quoted_list(&["a", "b", "c"]), "`a`, `b` and `c`");
    }
}
