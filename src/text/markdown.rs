//! Markdown articles to plain text: the words stay, the syntax goes.
//!
//! Works line by line, keeping the source's line and paragraph structure: headings
//! (ATX `#` and Setext underlines) stay as their own lines and the first H1 is the title;
//! list markers, blockquote `>`, fences, table pipes, thematic breaks, reference
//! definitions and HTML tags/comments are removed; inside a line, emphasis (`*`, `_`,
//! `~~`), code backticks, links and images are reduced to their text. Emphasis follows
//! the CommonMark flanking rules, so `snake_case`, `5 * 3` and `2*3*4` are left alone.
//! YAML (`---`) or TOML (`+++`) front matter gives the title and publication date.
//!
//! Everything is linear in the input: bracket pairs are matched once per line, failed
//! searches are remembered, and nesting (links inside links) is capped.

#![deny(
    clippy::indexing_slicing,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic
)]

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};

/// Front matter longer than this many lines is not looked for.
const MAX_FRONT_MATTER_LINES: usize = 200;
/// Links inside link text inside link text ... are read to this depth, then kept as written.
const MAX_INLINE_DEPTH: usize = 4;
/// Openers looked at when matching an emphasis closer.
const MAX_OPENER_WALK: usize = 32;

/// Plain text and metadata of one Markdown article.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MarkdownDoc {
    /// The text without Markdown syntax; lines and blank-line paragraph breaks as in the source.
    pub text: String,
    /// Front matter `title:`, else the first level-1 heading.
    pub title: Option<String>,
    /// Front matter `date:` (or `published:`, `publishDate:`, ...), exactly as written.
    pub published: Option<String>,
}

/// Turns Markdown into plain text, with the title and date from front matter or headings.
///
/// Never fails and never panics; text that is not really Markdown comes back nearly as is.
pub fn markdown_to_text(md: &str) -> MarkdownDoc {
    let md = md.strip_prefix('\u{FEFF}').unwrap_or(md);
    let md: Cow<'_, str> = if md.contains('\r') {
        Cow::Owned(md.replace("\r\n", "\n").replace('\r', "\n"))
    } else {
        Cow::Borrowed(md)
    };
    let md = strip_html_comments(&md);
    let lines: Vec<&str> = md.split('\n').collect();
    let (front, body_start) = front_matter(&lines);
    let body = lines.get(body_start..).unwrap_or(&[]);
    let refs = reference_labels(body);

    let mut out = Output::default();
    let mut title = front.title;
    let mut fence: Option<(char, usize)> = None;
    let mut in_table = false;
    let mut i = 0usize;
    while let Some(&line) = body.get(i) {
        i += 1;
        if let Some((fence_char, fence_len)) = fence {
            let (content, _) = strip_quote_markers(line);
            if fence_marker(content).is_some_and(|(c, n, info)| {
                c == fence_char && n >= fence_len && info.trim().is_empty()
            }) {
                fence = None;
                out.blank();
            } else {
                out.line(line.trim_end());
            }
            continue;
        }
        let (content, _) = strip_quote_markers(line);
        let trimmed = content.trim();
        if trimmed.is_empty() {
            out.blank();
            in_table = false;
            continue;
        }
        if let Some((c, n, _)) = fence_marker(content) {
            fence = Some((c, n));
            out.blank();
            continue;
        }
        if is_reference_definition(trimmed) {
            continue;
        }
        let trimmed = footnote_definition_text(trimmed).unwrap_or(trimmed);
        if let Some((level, heading)) = atx_heading(content) {
            let text = inline_text(heading, &refs);
            if level == 1 && title.is_none() && !text.is_empty() {
                title = Some(text.clone());
            }
            out.line(&text);
            continue;
        }
        let next = body.get(i).map(|l| strip_quote_markers(l).0.trim());
        let list_item = strip_list_marker(content);
        if list_item.is_none()
            && !in_table
            && !trimmed.starts_with('|')
            && let Some(level) = next.and_then(setext_level)
        {
            i += 1;
            let text = inline_text(trimmed, &refs);
            if level == 1 && title.is_none() && !text.is_empty() {
                title = Some(text.clone());
            }
            out.line(&text);
            continue;
        }
        if is_thematic_break(trimmed) {
            out.blank();
            continue;
        }
        if trimmed.contains('|') && is_table_delimiter(trimmed) {
            in_table = true;
            continue;
        }
        if trimmed.contains('|') && (in_table || next.is_some_and(is_table_delimiter)) {
            out.line(&table_row(trimmed, &refs));
            continue;
        }
        let text = inline_text(list_item.unwrap_or(trimmed), &refs);
        if text.is_empty() {
            // A line that was only markup (an HTML block tag, an image without alt).
            out.blank();
        } else {
            out.line(&text);
        }
    }
    MarkdownDoc {
        text: out.text,
        title,
        published: front.published,
    }
}

/// Cheap sniff: does this text look like Markdown (front matter, `#` headings, links, lists, ...)?
///
/// Looks at the first 64 KiB; a few list items alone are not enough.
pub fn looks_like_markdown(text: &str) -> bool {
    const SNIFF_BYTES: usize = 64 * 1024;
    const THRESHOLD: usize = 4;
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let mut score = 0usize;
    let mut seen = 0usize;
    let mut prev_text_line = false;
    for (n, raw) in text.lines().enumerate() {
        seen += raw.len() + 1;
        if seen > SNIFF_BYTES {
            break;
        }
        let line = raw.trim_end();
        let trimmed = line.trim_start();
        if n == 0 && (line == "---" || line == "+++") {
            let lines: Vec<&str> = text.lines().take(MAX_FRONT_MATTER_LINES + 2).collect();
            if front_matter(&lines).1 > 0 {
                return true;
            }
        }
        let strong_signal = atx_heading(line).is_some()
            || (prev_text_line && setext_level(trimmed).is_some())
            || fence_marker(line).is_some();
        if strong_signal {
            score += 2;
        } else if strip_list_marker(line).is_some() || trimmed.starts_with("> ") {
            score += 1;
        }
        if trimmed.contains("](") && trimmed.contains('[') {
            score += 2;
        }
        if trimmed.matches("**").count() >= 2 || trimmed.matches("__").count() >= 2 {
            score += 1;
        }
        if score >= THRESHOLD {
            return true;
        }
        prev_text_line = !trimmed.is_empty() && strip_list_marker(line).is_none();
    }
    false
}

// ---------------------------------------------------------------------------------------
// Output
// ---------------------------------------------------------------------------------------

/// Collects lines, folding runs of blank lines into one and dropping them at the ends.
#[derive(Default)]
struct Output {
    text: String,
    blank_pending: bool,
}

impl Output {
    fn line(&mut self, line: &str) {
        if line.is_empty() {
            self.blank();
            return;
        }
        if !self.text.is_empty() {
            self.text
                .push_str(if self.blank_pending { "\n\n" } else { "\n" });
        }
        self.text.push_str(line);
        self.blank_pending = false;
    }

    fn blank(&mut self) {
        self.blank_pending = true;
    }
}

// ---------------------------------------------------------------------------------------
// Front matter
// ---------------------------------------------------------------------------------------

#[derive(Debug, Default)]
struct FrontMatter {
    title: Option<String>,
    published: Option<String>,
}

/// Front-matter keys giving the publication date, best first.
const DATE_KEYS: &[&str] = &[
    "date",
    "published",
    "publishdate",
    "publish_date",
    "pubdate",
    "published_at",
    "date_published",
    "datepublished",
];

/// Reads YAML (`---`) or TOML (`+++`) front matter: (fields, index of the first body line).
fn front_matter(lines: &[&str]) -> (FrontMatter, usize) {
    let none = (FrontMatter::default(), 0);
    let Some(first) = lines.first() else {
        return none;
    };
    let (closers, separator): (&[&str], char) = match first.trim_end() {
        "---" => (&["---", "..."], ':'),
        "+++" => (&["+++"], '='),
        _ => return none,
    };
    let Some(close) = lines
        .iter()
        .enumerate()
        .skip(1)
        .take(MAX_FRONT_MATTER_LINES)
        .find(|(_, l)| closers.contains(&l.trim_end()))
        .map(|(k, _)| k)
    else {
        return none;
    };
    let block = lines.get(1..close).unwrap_or(&[]);
    // Only a block of `key: value` lines is front matter; a `---` rule above prose is not.
    let looks_like_fields = block.iter().all(|l| {
        let t = l.trim();
        t.is_empty()
            || t.starts_with('#')
            || l.starts_with([' ', '\t', '-', '['])
            || t.contains(separator)
    });
    if !looks_like_fields {
        return none;
    }
    let mut fields: HashMap<String, String> = HashMap::new();
    let mut k = 0usize;
    while let Some(&line) = block.get(k) {
        k += 1;
        if line.starts_with([' ', '\t']) || line.trim_start().starts_with('#') {
            continue;
        }
        let Some((key, value)) = line.split_once(separator) else {
            continue;
        };
        let key = key.trim().trim_matches('"').to_ascii_lowercase();
        let value = value.trim();
        let value = if matches!(value, ">" | "|" | ">-" | "|-" | ">+" | "|+") {
            // A block scalar: the indented lines that follow, joined.
            let mut joined = String::new();
            while let Some(&next) = block.get(k) {
                if !next.starts_with([' ', '\t']) && !next.trim().is_empty() {
                    break;
                }
                k += 1;
                if !next.trim().is_empty() {
                    if !joined.is_empty() {
                        joined.push(' ');
                    }
                    joined.push_str(next.trim());
                }
            }
            joined
        } else {
            unquote(value)
        };
        if !value.is_empty() {
            fields.entry(key).or_insert(value);
        }
    }
    let title = fields.get("title").cloned();
    let published = DATE_KEYS
        .iter()
        .filter_map(|k| fields.get(*k))
        .find(|v| {
            !matches!(
                v.to_ascii_lowercase().as_str(),
                "true" | "false" | "yes" | "no"
            )
        })
        .cloned();
    (FrontMatter { title, published }, close + 1)
}

/// A YAML/TOML scalar without its quotes (or trailing ` # comment`).
fn unquote(value: &str) -> String {
    if let Some(inner) = value.strip_prefix('"') {
        let inner = inner
            .rfind('"')
            .and_then(|e| inner.get(..e))
            .unwrap_or(inner);
        let mut out = String::with_capacity(inner.len());
        let mut chars = inner.chars();
        while let Some(c) = chars.next() {
            if c == '\\' {
                match chars.next() {
                    Some('n') => out.push(' '),
                    Some('t') => out.push(' '),
                    Some(other) => out.push(other),
                    None => {}
                }
            } else {
                out.push(c);
            }
        }
        return out.trim().to_string();
    }
    if let Some(inner) = value.strip_prefix('\'') {
        let inner = inner
            .rfind('\'')
            .and_then(|e| inner.get(..e))
            .unwrap_or(inner);
        return inner.replace("''", "'").trim().to_string();
    }
    let value = value
        .find(" #")
        .and_then(|p| value.get(..p))
        .unwrap_or(value);
    value.trim().to_string()
}

// ---------------------------------------------------------------------------------------
// Block structure
// ---------------------------------------------------------------------------------------

/// Removes `<!-- ... -->`, keeping the newlines inside so lines stay put.
fn strip_html_comments(s: &str) -> Cow<'_, str> {
    if !s.contains("<!--") {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    // Once no `-->` is left, none will be found later either: do not search again.
    let mut closers_left = true;
    while let Some(open) = rest.find("<!--") {
        out.push_str(rest.get(..open).unwrap_or(""));
        let after = rest.get(open + 4..).unwrap_or("");
        let close = if closers_left {
            after.find("-->")
        } else {
            None
        };
        closers_left = close.is_some();
        match close {
            Some(close) => {
                let comment = after.get(..close).unwrap_or("");
                out.extend(comment.chars().filter(|&c| c == '\n'));
                rest = after.get(close + 3..).unwrap_or("");
            }
            None => {
                // Unterminated: drop the rest of that line only.
                let eol = after.find('\n').unwrap_or(after.len());
                rest = after.get(eol..).unwrap_or("");
            }
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// Strips leading blockquote markers (`> > text`): (content, depth).
fn strip_quote_markers(line: &str) -> (&str, usize) {
    let mut rest = line;
    let mut depth = 0usize;
    loop {
        let indent = rest.len() - rest.trim_start_matches(' ').len();
        if indent > 3 {
            return (rest, depth);
        }
        let Some(after) = rest.trim_start_matches(' ').strip_prefix('>') else {
            return (rest, depth);
        };
        rest = after.strip_prefix(' ').unwrap_or(after);
        depth += 1;
    }
}

/// An opening or closing code fence: (fence char, run length, info string).
fn fence_marker(line: &str) -> Option<(char, usize, &str)> {
    let t = line.trim_start_matches(' ');
    if line.len() - t.len() > 3 {
        return None;
    }
    let c = t.chars().next().filter(|&c| c == '`' || c == '~')?;
    let run = t.chars().take_while(|&x| x == c).count();
    if run < 3 {
        return None;
    }
    let info = t.get(run..).unwrap_or("");
    if c == '`' && info.contains('`') {
        return None;
    }
    Some((c, run, info))
}

/// `# Heading #` -> (level, "Heading").
fn atx_heading(line: &str) -> Option<(usize, &str)> {
    let t = line.trim_start_matches(' ');
    if line.len() - t.len() > 3 {
        return None;
    }
    let level = t.chars().take_while(|&c| c == '#').count();
    if !(1..=6).contains(&level) {
        return None;
    }
    let rest = t.get(level..)?;
    if !rest.is_empty() && !rest.starts_with([' ', '\t']) {
        return None;
    }
    let mut text = rest.trim();
    // A closing run of '#' preceded by a space (or making up the whole text) is syntax.
    let without = text.trim_end_matches('#');
    if without.is_empty() || without.ends_with([' ', '\t']) {
        text = without.trim_end();
    }
    Some((level, text))
}

/// `===` under a line makes it a level-1 heading, `---` level 2.
fn setext_level(line: &str) -> Option<usize> {
    let t = line.trim();
    let first = t.chars().next()?;
    if !(first == '=' || first == '-') || !t.chars().all(|c| c == first) {
        return None;
    }
    Some(if first == '=' { 1 } else { 2 })
}

/// `---`, `***`, `___`, `- - -`.
fn is_thematic_break(trimmed: &str) -> bool {
    let Some(first) = trimmed.chars().next() else {
        return false;
    };
    matches!(first, '-' | '*' | '_')
        && trimmed.chars().filter(|&c| c == first).count() >= 3
        && trimmed.chars().all(|c| c == first || c == ' ' || c == '\t')
}

/// `[label]: url "title"` (but not a footnote `[^1]: text`, whose text is content).
fn is_reference_definition(trimmed: &str) -> bool {
    let Some(rest) = trimmed.strip_prefix('[') else {
        return false;
    };
    if rest.starts_with('^') {
        return false;
    }
    let Some(close) = rest.find("]:") else {
        return false;
    };
    let label = rest.get(..close).unwrap_or("");
    let dest = rest.get(close + 2..).unwrap_or("").trim();
    !label.trim().is_empty() && !label.contains('[') && !dest.is_empty()
}

/// `[^1]: text` -> `text`.
fn footnote_definition_text(trimmed: &str) -> Option<&str> {
    let rest = trimmed.strip_prefix("[^")?;
    let close = rest.find("]:")?;
    let label = rest.get(..close)?;
    if label.is_empty() || label.contains(char::is_whitespace) {
        return None;
    }
    rest.get(close + 2..).map(str::trim_start)
}

/// Lowercased labels of all reference definitions, so `[text][label]` and `[label]` resolve.
fn reference_labels(lines: &[&str]) -> HashSet<String> {
    lines
        .iter()
        .map(|l| strip_quote_markers(l).0.trim())
        .filter(|t| is_reference_definition(t))
        .filter_map(|t| {
            let rest = t.get(1..)?;
            let close = rest.find("]:")?;
            rest.get(..close).map(normalize_label)
        })
        .collect()
}

fn normalize_label(label: &str) -> String {
    label
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// The content of a list item line without its marker (`- `, `* `, `+ `, `1. `, `2) `)
/// and task box; `None` if the line is not a list item.
///
/// Ordered markers are taken only up to three digits, so a line opening with a year
/// ("1945. La guerra ...") keeps it.
fn strip_list_marker(line: &str) -> Option<&str> {
    let t = line.trim_start();
    let after = if let Some(rest) = t.strip_prefix(['-', '*', '+']) {
        rest
    } else {
        let digits = t.chars().take_while(char::is_ascii_digit).count();
        if !(1..=3).contains(&digits) {
            return None;
        }
        t.get(digits..)?.strip_prefix(['.', ')'])?
    };
    if !(after.is_empty() || after.starts_with([' ', '\t'])) {
        return None;
    }
    let content = after.trim_start();
    let content = ["[ ] ", "[x] ", "[X] "]
        .iter()
        .find_map(|b| content.strip_prefix(b))
        .unwrap_or(content);
    Some(content)
}

/// `|---|:--:|` (a table's delimiter row).
fn is_table_delimiter(trimmed: &str) -> bool {
    trimmed.contains('-')
        && trimmed
            .chars()
            .all(|c| matches!(c, '|' | '-' | ':' | ' ' | '\t'))
}

/// A table row's cells, each reduced to text, joined by tabs.
fn table_row(trimmed: &str, refs: &HashSet<String>) -> String {
    let inner = trimmed.strip_prefix('|').unwrap_or(trimmed);
    let inner = inner.strip_suffix('|').unwrap_or(inner);
    let mut cells = Vec::new();
    let mut cell = String::new();
    let mut chars = inner.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => match chars.next() {
                Some('|') => cell.push('|'),
                Some(other) => {
                    cell.push('\\');
                    cell.push(other);
                }
                None => cell.push('\\'),
            },
            '|' => cells.push(std::mem::take(&mut cell)),
            c => cell.push(c),
        }
    }
    cells.push(cell);
    cells
        .iter()
        .map(|c| inline_text(c, refs))
        .filter(|c| !c.is_empty())
        .collect::<Vec<_>>()
        .join("\t")
}

// ---------------------------------------------------------------------------------------
// Inline syntax
// ---------------------------------------------------------------------------------------

/// One line's inline Markdown reduced to text, whitespace collapsed.
fn inline_text(s: &str, refs: &HashSet<String>) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut raw = String::with_capacity(s.len());
    render_inline(&chars, refs, 0, &mut raw);
    let mut out = String::with_capacity(raw.len());
    for word in raw.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

#[derive(Debug)]
enum Piece {
    Text(String),
    /// A run of `*`, `_` or `~~`; `remaining` of its `len` characters are still literal.
    Delim {
        ch: char,
        remaining: usize,
        can_open: bool,
        can_close: bool,
    },
}

fn render_inline(chars: &[char], refs: &HashSet<String>, depth: usize, out: &mut String) {
    if depth >= MAX_INLINE_DEPTH {
        out.extend(chars);
        return;
    }
    let brackets = match_pairs(chars, '[', ']');
    let parens = match_pairs(chars, '(', ')');
    let at = |k: usize| chars.get(k).copied();
    let mut pieces: Vec<Piece> = Vec::new();
    let mut text = String::new();
    // Backtick run lengths with no closing run further on.
    let mut dead_code_runs: HashSet<usize> = HashSet::new();
    // A '<' from here on has no matching '>' before the next '<'.
    let mut i = 0usize;
    while let Some(c) = at(i) {
        match c {
            '\\' => match at(i + 1) {
                Some(next) if next.is_ascii_punctuation() => {
                    text.push(next);
                    i += 2;
                }
                None => i += 1, // a hard line break
                Some(_) => {
                    text.push('\\');
                    i += 1;
                }
            },
            '`' => {
                let run = count_run(chars, i, '`');
                let close = if dead_code_runs.contains(&run) {
                    None
                } else {
                    find_backtick_run(chars, i + run, run)
                };
                match close {
                    Some(j) => {
                        let code: String = chars.get(i + run..j).unwrap_or(&[]).iter().collect();
                        text.push_str(code.trim());
                        i = j + run;
                    }
                    None => {
                        dead_code_runs.insert(run);
                        text.extend(std::iter::repeat_n('`', run));
                        i += run;
                    }
                }
            }
            '!' if at(i + 1) == Some('[') => {
                match link_at(chars, i + 1, &brackets, &parens, refs) {
                    Some((inner, end)) => {
                        render_inline(inner, refs, depth + 1, &mut text);
                        i = end;
                    }
                    None => {
                        text.push('!');
                        i += 1;
                    }
                }
            }
            '[' => {
                if at(i + 1) == Some('^')
                    && let Some(&close) = brackets.get(&i)
                {
                    // A footnote reference: no words in it.
                    i = close + 1;
                    continue;
                }
                match link_at(chars, i, &brackets, &parens, refs) {
                    Some((inner, end)) => {
                        render_inline(inner, refs, depth + 1, &mut text);
                        i = end;
                    }
                    None => {
                        text.push('[');
                        i += 1;
                    }
                }
            }
            '<' => match html_at(chars, i) {
                Some((replacement, end)) => {
                    text.push_str(&replacement);
                    i = end;
                }
                None => {
                    text.push('<');
                    i += 1;
                }
            },
            '&' => match entity_at(chars, i) {
                Some((decoded, end)) => {
                    text.push(decoded);
                    i = end;
                }
                None => {
                    text.push('&');
                    i += 1;
                }
            },
            '*' | '_' | '~' => {
                let run = count_run(chars, i, c);
                let prev = i.checked_sub(1).and_then(at);
                let next = at(i + run);
                let (can_open, can_close) = flanking(c, prev, next);
                let literal = (c == '~' && run != 2)
                    || (c == '*'
                        && prev.is_some_and(|p| p.is_ascii_digit())
                        && next.is_some_and(|n| n.is_ascii_digit()))
                    || !(can_open || can_close);
                if literal {
                    text.extend(std::iter::repeat_n(c, run));
                } else {
                    if !text.is_empty() {
                        pieces.push(Piece::Text(std::mem::take(&mut text)));
                    }
                    pieces.push(Piece::Delim {
                        ch: c,
                        remaining: run,
                        can_open,
                        can_close,
                    });
                }
                i += run;
            }
            c => {
                text.push(c);
                i += 1;
            }
        }
    }
    if !text.is_empty() {
        pieces.push(Piece::Text(text));
    }
    resolve_emphasis(&mut pieces);
    for piece in &pieces {
        match piece {
            Piece::Text(t) => out.push_str(t),
            Piece::Delim { ch, remaining, .. } => out.extend(std::iter::repeat_n(*ch, *remaining)),
        }
    }
}

/// Pairs emphasis delimiters (nearest opener of the same character) and marks the
/// matched characters as syntax; unmatched ones stay literal.
fn resolve_emphasis(pieces: &mut [Piece]) {
    let mut openers: Vec<usize> = Vec::new();
    for idx in 0..pieces.len() {
        let Some(&Piece::Delim {
            ch,
            can_open,
            can_close,
            ..
        }) = pieces.get(idx)
        else {
            continue;
        };
        if can_close {
            let found = openers
                .iter()
                .enumerate()
                .rev()
                .take(MAX_OPENER_WALK)
                .find(|(_, o)| matches!(pieces.get(**o), Some(Piece::Delim { ch: oc, .. }) if *oc == ch))
                .map(|(k, o)| (k, *o));
            if let Some((k, opener)) = found {
                let open_left = delim_remaining(pieces, opener);
                let close_left = delim_remaining(pieces, idx);
                let used = open_left.min(close_left);
                set_remaining(pieces, opener, open_left - used);
                set_remaining(pieces, idx, close_left - used);
                openers.truncate(k);
                if open_left > used {
                    openers.push(opener);
                }
                if close_left > used && can_open {
                    openers.push(idx);
                }
                continue;
            }
        }
        if can_open {
            openers.push(idx);
        }
    }
}

fn delim_remaining(pieces: &[Piece], idx: usize) -> usize {
    match pieces.get(idx) {
        Some(Piece::Delim { remaining, .. }) => *remaining,
        _ => 0,
    }
}

fn set_remaining(pieces: &mut [Piece], idx: usize, value: usize) {
    if let Some(Piece::Delim { remaining, .. }) = pieces.get_mut(idx) {
        *remaining = value;
    }
}

/// CommonMark left/right flanking, as (can open, can close).
fn flanking(c: char, prev: Option<char>, next: Option<char>) -> (bool, bool) {
    let is_space = |x: Option<char>| x.is_none_or(char::is_whitespace);
    let is_punct = |x: Option<char>| {
        x.is_some_and(|x| x.is_ascii_punctuation() || (!x.is_alphanumeric() && !x.is_whitespace()))
    };
    let left = !is_space(next) && (!is_punct(next) || is_space(prev) || is_punct(prev));
    let right = !is_space(prev) && (!is_punct(prev) || is_space(next) || is_punct(next));
    if c == '_' {
        (
            left && (!right || is_punct(prev)),
            right && (!left || is_punct(next)),
        )
    } else {
        (left, right)
    }
}

fn count_run(chars: &[char], from: usize, c: char) -> usize {
    chars
        .get(from..)
        .unwrap_or(&[])
        .iter()
        .take_while(|&&x| x == c)
        .count()
}

/// The next run of exactly `len` backticks at or after `from`.
fn find_backtick_run(chars: &[char], from: usize, len: usize) -> Option<usize> {
    let mut j = from;
    while let Some(&c) = chars.get(j) {
        if c == '`' {
            let run = count_run(chars, j, '`');
            if run == len {
                return Some(j);
            }
            j += run;
        } else {
            j += 1;
        }
    }
    None
}

/// Matching `open`/`close` pairs (by index), nested, skipping backslash escapes.
fn match_pairs(chars: &[char], open: char, close: char) -> HashMap<usize, usize> {
    let mut pairs = HashMap::new();
    let mut stack = Vec::new();
    let mut i = 0usize;
    while let Some(&c) = chars.get(i) {
        if c == '\\' {
            i += 2;
            continue;
        }
        if c == open {
            stack.push(i);
        } else if c == close
            && let Some(o) = stack.pop()
        {
            pairs.insert(o, i);
        }
        i += 1;
    }
    pairs
}

/// A link (or image, from its `[`) at `i`: (its text, where it ends). Inline `[t](url)`,
/// full reference `[t][ref]`, collapsed `[t][]` and shortcut `[t]` with a known label.
fn link_at<'c>(
    chars: &'c [char],
    i: usize,
    brackets: &HashMap<usize, usize>,
    parens: &HashMap<usize, usize>,
    refs: &HashSet<String>,
) -> Option<(&'c [char], usize)> {
    let close = *brackets.get(&i)?;
    let inner = chars.get(i + 1..close)?;
    match chars.get(close + 1) {
        Some('(') => {
            let end = *parens.get(&(close + 1))?;
            Some((inner, end + 1))
        }
        Some('[') => {
            let end = *brackets.get(&(close + 1))?;
            Some((inner, end + 1))
        }
        _ => {
            let label: String = inner.iter().collect();
            refs.contains(&normalize_label(&label))
                .then_some((inner, close + 1))
        }
    }
}

/// An HTML tag or autolink at the `<` at `i`: (what stays of it, where it ends).
///
/// Never looks past the next `<`, so a line full of `<` is still read in linear time.
fn html_at(chars: &[char], i: usize) -> Option<(String, usize)> {
    let mut j = i + 1;
    while let Some(&c) = chars.get(j) {
        if c == '>' {
            break;
        }
        if c == '<' {
            return None;
        }
        j += 1;
    }
    let inner = chars.get(i + 1..j)?;
    if chars.get(j) != Some(&'>') || inner.is_empty() {
        return None;
    }
    let inner_text: String = inner.iter().collect();
    if !inner.iter().any(|c| c.is_whitespace()) {
        if inner_text.contains("://") {
            return Some((inner_text, j + 1));
        }
        if let Some(mail) = inner_text.strip_prefix("mailto:") {
            return Some((mail.to_string(), j + 1));
        }
        if inner_text.contains('@') && !inner_text.starts_with('/') {
            return Some((inner_text, j + 1));
        }
    }
    let name_from = usize::from(inner.first() == Some(&'/'));
    let name: String = inner
        .get(name_from..)
        .unwrap_or(&[])
        .iter()
        .take_while(|c| c.is_ascii_alphanumeric() || **c == '-')
        .collect();
    let after_name = inner.get(name_from + name.chars().count()).copied();
    let is_tag = name.starts_with(|c: char| c.is_ascii_alphabetic())
        && after_name.is_none_or(|c| c.is_whitespace() || c == '/');
    if !is_tag {
        return None;
    }
    let replacement = if name.eq_ignore_ascii_case("br") {
        " "
    } else {
        ""
    };
    Some((replacement.to_string(), j + 1))
}

/// A character reference at the `&` at `i`: (character, where it ends).
fn entity_at(chars: &[char], i: usize) -> Option<(char, usize)> {
    let mut j = i + 1;
    if chars.get(j) == Some(&'#') {
        j += 1;
        let radix = if matches!(chars.get(j), Some('x' | 'X')) {
            j += 1;
            16
        } else {
            10
        };
        let from = j;
        let mut value: u32 = 0;
        while let Some(d) = chars.get(j).and_then(|c| c.to_digit(radix)) {
            value = value.saturating_mul(radix).saturating_add(d).min(0x11_0000);
            j += 1;
        }
        if j == from || chars.get(j) != Some(&';') {
            return None;
        }
        let c = match value {
            0 | 0xD800..=0xDFFF => '\u{FFFD}',
            v => char::from_u32(v).unwrap_or('\u{FFFD}'),
        };
        return Some((c, j + 1));
    }
    let from = j;
    while chars
        .get(j)
        .is_some_and(|c| c.is_ascii_alphanumeric() && j - from < 16)
    {
        j += 1;
    }
    if chars.get(j) != Some(&';') {
        return None;
    }
    let name: String = chars.get(from..j)?.iter().collect();
    // The HTML table of named references; a no-break space reads as a space here.
    let c = match super::html::named_entity(&name)? {
        '\u{a0}' => ' ',
        c => c,
    };
    Some((c, j + 1))
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::panic)]
mod tests {
    use super::*;

    const ITALIAN_ARTICLE: &str = "---
title: \"Putin e Kim: il trattato, un anno dopo\"
date: 2025-10-28T11:48:00+01:00
tags: [russia, corea-del-nord]
author: 'Redazione ''Esteri'''
---

# Putin e Kim firmano il trattato

<!-- nota interna: non pubblicare -->
A **giugno dell'anno scorso** Vladimir Putin e Kim Jong Un hanno firmato a *Pyongyang* un
[trattato di partenariato](https://example.org/trattato_2024 \"Il testo\") strategico globale.

![Putin e Kim a Pyongyang](https://example.org/foto_1.jpg)

> Secondo l'intelligence sudcoreana, **più di 10.000 soldati** sono stati schierati.
> > Fonte: [NIS][nis].

Punti chiave:

- Assistenza militare *reciproca*
* Cooperazione su `energia` e ~~turismo~~ trasporti
1. Visita a Vostochny
2) Colloqui a Mosca

---

Fine&nbsp;dell&rsquo;articolo.

[nis]: https://www.nis.go.kr/ \"National Intelligence Service\"
";

    #[test]
    fn italian_article_with_front_matter() {
        let doc = markdown_to_text(ITALIAN_ARTICLE);
        assert_eq!(
            doc.title.as_deref(),
            Some("Putin e Kim: il trattato, un anno dopo")
        );
        assert_eq!(doc.published.as_deref(), Some("2025-10-28T11:48:00+01:00"));
        assert_eq!(
            doc.text,
            "Putin e Kim firmano il trattato\n\
             \n\
             A giugno dell'anno scorso Vladimir Putin e Kim Jong Un hanno firmato a Pyongyang un\n\
             trattato di partenariato strategico globale.\n\
             \n\
             Putin e Kim a Pyongyang\n\
             \n\
             Secondo l'intelligence sudcoreana, più di 10.000 soldati sono stati schierati.\n\
             Fonte: NIS.\n\
             \n\
             Punti chiave:\n\
             \n\
             Assistenza militare reciproca\n\
             Cooperazione su energia e turismo trasporti\n\
             Visita a Vostochny\n\
             Colloqui a Mosca\n\
             \n\
             Fine dell’articolo."
        );
    }

    #[test]
    fn first_h1_is_the_title_without_front_matter() {
        let doc =
            markdown_to_text("## Sezione\n\n# Il *vero* titolo #\n\nTesto.\n\n# Secondo H1\n");
        assert_eq!(doc.title.as_deref(), Some("Il vero titolo"));
        assert_eq!(doc.published, None);
        assert_eq!(
            doc.text,
            "Sezione\n\nIl vero titolo\n\nTesto.\n\nSecondo H1"
        );

        let doc = markdown_to_text("Titolo Setext\n=============\n\nSottotitolo\n---\n\nCorpo.");
        assert_eq!(doc.title.as_deref(), Some("Titolo Setext"));
        assert_eq!(doc.text, "Titolo Setext\n\nSottotitolo\n\nCorpo.");

        assert_eq!(markdown_to_text("#hashtag non è un titolo").title, None);
        assert_eq!(
            markdown_to_text("#hashtag non è un titolo").text,
            "#hashtag non è un titolo"
        );
        assert_eq!(markdown_to_text("# C# e F#").text, "C# e F#");
        assert_eq!(markdown_to_text("#").text, "");
    }

    #[test]
    fn emphasis_is_removed_but_not_from_code_names_or_arithmetic() {
        let cases = [
            (
                "*uno* **due** ***tre*** _quattro_ __cinque__",
                "uno due tre quattro cinque",
            ),
            (
                "la variabile snake_case_name resta",
                "la variabile snake_case_name resta",
            ),
            (
                "calcolo: 5 * 3 = 15 e 2*3*4 = 24",
                "calcolo: 5 * 3 = 15 e 2*3*4 = 24",
            ),
            ("metodo __init__ di Python", "metodo init di Python"),
            (
                "vedi https://x.org/a_b_c/d_e",
                "vedi https://x.org/a_b_c/d_e",
            ),
            ("un*bel*lissimo", "unbellissimo"),
            ("**non chiuso", "**non chiuso"),
            ("*a **b** c*", "a b c"),
            ("~~barrato~~ e ~5 km e ~~~", "barrato e ~5 km e ~~~"),
            ("* non è lista*", "non è lista*"),
            ("prezzo: 10 * 2 € _circa_", "prezzo: 10 * 2 € circa"),
            ("«*citazione*»", "«citazione»"),
            (
                "\\*non enfasi\\* e \\_neppure\\_",
                "*non enfasi* e _neppure_",
            ),
        ];
        for (md, expected) in cases {
            assert_eq!(markdown_to_text(md).text, expected, "{md}");
        }
    }

    #[test]
    fn inline_code() {
        let cases = [
            ("usa `cargo test` ora", "usa cargo test ora"),
            ("``codice con ` dentro``", "codice con ` dentro"),
            ("`*non enfasi*` e *sì*", "*non enfasi* e sì"),
            ("backtick `spaiato", "backtick `spaiato"),
            ("``` ` ```", "`"),
        ];
        for (md, expected) in cases {
            assert_eq!(markdown_to_text(md).text, expected, "{md}");
        }
    }

    #[test]
    fn links_and_images() {
        let md = "[testo](https://a.b/c \"titolo\") e [altro](<https://a.b/con spazi>) e \
                  [parentesi](https://it.wikipedia.org/wiki/Kursk_(oblast)) e ![alt *img*](i.png) e \
                  [![logo](l.png)](https://x.y) e [ref completo][r1] e [collassato][] e [r1] e \
                  [sconosciuto] e nota[^1] e [vuoto]() e [](https://x.y).\n\n\
                  [r1]: https://r1.example\n[collassato]: https://c.example 'C'\n\
                  [^1]: Il testo della nota resta.";
        let doc = markdown_to_text(md);
        assert_eq!(
            doc.text,
            "testo e altro e parentesi e alt img e logo e ref completo e collassato e r1 e \
             [sconosciuto] e nota e vuoto e .\n\nIl testo della nota resta."
        );
    }

    #[test]
    fn block_markers() {
        let md = "> citazione\n>> annidata\n> - lista in citazione\n\n\
                  - [ ] da fare\n- [x] fatto\n  + annidata\n10. decimo\n1945. La guerra finisce.\n\
                  -5 gradi a Mosca\n\n***\n\n    codice indentato\n\nfine";
        assert_eq!(
            markdown_to_text(md).text,
            "citazione\nannidata\nlista in citazione\n\n\
             da fare\nfatto\nannidata\ndecimo\n1945. La guerra finisce.\n-5 gradi a Mosca\n\n\
             codice indentato\n\nfine"
        );
    }

    #[test]
    fn html_in_markdown() {
        let md = "<div align=\"center\">\n\nTesto <span class=\"x\">dentro</span> e<br>a capo, \
                  <https://example.org/a_b> e <mailto:a@b.it> e a < b > c.\n\n</div>\n\n\
                  Prima <!-- commento\nsu più righe --> dopo.\n\n<!-- mai chiuso\nUltima riga.";
        assert_eq!(
            markdown_to_text(md).text,
            "Testo dentro e a capo, https://example.org/a_b e a@b.it e a < b > c.\n\n\
             Prima\ndopo.\n\nUltima riga."
        );
    }

    #[test]
    fn tables_fences_and_breaks() {
        let md = "| Data | Evento |\n|------|:------:|\n| 2024-06 | Trattato *firmato* |\n| 2024-10 | Truppe \\| schierate |\n\n\
                  Data | Luogo\n--- | ---\nieri | Mosca\n\n\
                  ```rust\nlet x = a_b * 2; // *non toccare*\n```\n\n~~~\nrecinto\n~~~\n\n```\nnon chiuso\n[link](x)";
        assert_eq!(
            markdown_to_text(md).text,
            "Data\tEvento\n2024-06\tTrattato firmato\n2024-10\tTruppe | schierate\n\n\
             Data\tLuogo\nieri\tMosca\n\n\
             let x = a_b * 2; // *non toccare*\n\nrecinto\n\nnon chiuso\n[link](x)"
        );
    }

    #[test]
    fn entities_and_escapes() {
        assert_eq!(
            markdown_to_text(
                "AT&T &amp; &laquo;x&raquo; &#8364; &#x20AC; &#0; &bogus; &#12 \\# non titolo"
            )
            .text,
            "AT&T & «x» € € \u{FFFD} &bogus; &#12 # non titolo"
        );
        assert_eq!(
            markdown_to_text("riga con a capo\\\nseguente").text,
            "riga con a capo\nseguente"
        );
    }

    #[test]
    fn front_matter_variants() {
        let doc = markdown_to_text("+++\ntitle = \"Titolo TOML\"\ndate = 2025-11-08\n+++\nTesto");
        assert_eq!(doc.title.as_deref(), Some("Titolo TOML"));
        assert_eq!(doc.published.as_deref(), Some("2025-11-08"));
        assert_eq!(doc.text, "Testo");

        let doc = markdown_to_text("---\npublished: true\ndate: '2025-10-01'\n---\n# H1\n");
        assert_eq!(doc.published.as_deref(), Some("2025-10-01"));
        assert_eq!(doc.title.as_deref(), Some("H1"));

        let doc = markdown_to_text("---\npublished: 2025-09-30 # commento\n---\n");
        assert_eq!(doc.published.as_deref(), Some("2025-09-30"));
        assert_eq!(doc.text, "");

        let doc =
            markdown_to_text("---\ntitle: >\n  Un titolo\n  su due righe\ndate: 2025\n...\nx");
        assert_eq!(doc.title.as_deref(), Some("Un titolo su due righe"));
        assert_eq!(doc.published.as_deref(), Some("2025"));

        // Not front matter: never closed, or prose between two rules.
        let doc = markdown_to_text("---\ntitle: x\n\nTesto senza chiusura");
        assert_eq!(doc.title, None);
        assert_eq!(doc.text, "title: x\n\nTesto senza chiusura");
        let doc = markdown_to_text("---\nUna frase qualsiasi senza due punti\n---\nAltro");
        assert_eq!(doc.title, None);
        assert!(doc.text.contains("Una frase qualsiasi"));
    }

    #[test]
    fn line_endings_bom_and_empty() {
        let doc = markdown_to_text("\u{FEFF}# Titolo\r\n\r\nRiga uno\r\nRiga due\rRiga tre\r\n");
        assert_eq!(doc.title.as_deref(), Some("Titolo"));
        assert_eq!(doc.text, "Titolo\n\nRiga uno\nRiga due\nRiga tre");
        assert_eq!(markdown_to_text(""), MarkdownDoc::default());
        assert_eq!(markdown_to_text("\n\n  \n").text, "");
    }

    #[test]
    fn ukrainian_article() {
        let md = "# Північна Корея відправила війська\n\nЗа даними **розвідки**, понад 10 000 військових \
                  КНДР перебувають у [Курській області](https://uk.wikipedia.org/wiki/Курська_область).\n";
        let doc = markdown_to_text(md);
        assert_eq!(
            doc.title.as_deref(),
            Some("Північна Корея відправила війська")
        );
        assert_eq!(
            doc.text,
            "Північна Корея відправила війська\n\nЗа даними розвідки, понад 10 000 військових КНДР \
             перебувають у Курській області."
        );
    }

    #[test]
    fn five_megabyte_single_line_completes() {
        let unit =
            "Il **trattato** di [giugno](https://x.org/a_b) è `stato` *firmato* a Pyongyang; ";
        let md = unit.repeat(5 * 1024 * 1024 / unit.len());
        let doc = markdown_to_text(&md);
        assert!(
            doc.text
                .starts_with("Il trattato di giugno è stato firmato a Pyongyang; Il trattato")
        );
        assert!(doc.text.len() > 3 * 1024 * 1024);
    }

    #[test]
    fn pathological_lines_complete() {
        let size = 48 * 1024;
        for unit in [
            "[", "]", "(", "[a](", "![", "`", "``", "` ``", "*", "_", "**a", "a*", "_a_", "~~",
            "<", "<a", "<a>", "&", "&#", "\\", "[x][", "[^", "<!--", "|", "> ", "# ", "- ", "*a ",
        ] {
            let line = unit.repeat(size / unit.len());
            let _ = markdown_to_text(&line);
            let lines = format!("{unit}\n").repeat(size / (unit.len() + 1));
            let _ = markdown_to_text(&lines);
        }
        // Deeply nested links are read to a bounded depth.
        let nested = format!("{}x{}", "[".repeat(50_000), "](u)".repeat(50_000));
        let _ = markdown_to_text(&nested);
    }

    #[test]
    fn never_panics_on_prefixes() {
        for sample in [ITALIAN_ARTICLE, "ü*ñ*_ß_ [日本](語) `😀` &#x1F600; <ä>"] {
            for (i, _) in sample.char_indices() {
                let _ = markdown_to_text(&sample[..i]);
                let _ = looks_like_markdown(&sample[..i]);
            }
        }
    }

    #[test]
    fn looks_like_markdown_sniff() {
        assert!(looks_like_markdown(ITALIAN_ARTICLE));
        assert!(looks_like_markdown(
            "# Titolo\n\nTesto con un [link](https://x.y)."
        ));
        assert!(looks_like_markdown(
            "Titolo\n======\n\n## Sezione\n\nTesto."
        ));
        assert!(looks_like_markdown("---\ntitle: x\n---\nTesto"));
        assert!(!looks_like_markdown(
            "Chas Pravdy - 28 Ottobre 2025 11:48\n\nPutin e Kim hanno firmato un trattato.\n- uno\n- due\n"
        ));
        assert!(!looks_like_markdown(
            "<html><body><p>Testo</p></body></html>"
        ));
        assert!(!looks_like_markdown(""));
    }
}
