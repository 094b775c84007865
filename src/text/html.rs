//! HTML article pages to clean text plus metadata (title, publication date, language).
//!
//! A small tolerant tokenizer (no HTML crate) walks the page once. It keeps a stack of
//! open elements (capped at 512 levels) with a few inherited flags: inside boilerplate
//! that is always dropped (`nav`, `footer`, `aside`, `script`, ...: "hard"), inside
//! boilerplate guessed from class names, `hidden` or forms (cookie banners, share bars,
//! related links: "soft", retried when dropping it leaves too little), inside the
//! article. Decoded text goes into one buffer as a flat list of segments and breaks;
//! candidate regions (`<article>`, `<main>`, `itemprop=articleBody`, `article-body`
//! classes, ...) are ranges over that list, so choosing the main text at the end is
//! cheap. Metadata (`<title>`, `og:title`, JSON-LD, meta dates, `<time>`, `lang`) is
//! collected on the way.
//!
//! Everything is bounded and linear in the input: searches that fail are remembered so
//! they never run twice, attribute lists and implicit-close walks are capped, and text
//! is never rebuilt by repeated concatenation. HTML is data only: nothing is fetched.

#![deny(
    clippy::indexing_slicing,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic
)]

use std::collections::HashMap;
use std::sync::OnceLock;

use serde_json::Value;

/// Deepest element nesting tracked; deeper start tags are read flat (with a warning).
const MAX_DEPTH: usize = 512;
/// Attributes kept per tag; later ones are parsed and dropped.
const MAX_ATTRS: usize = 64;
/// How far down the stack an implicit close (`<p>` closing `<p>`, `<li>` closing `<li>`) looks.
const SCOPE_WALK: usize = 64;
/// A candidate region with fewer visible characters than this is not trusted on its own.
const MIN_MAIN_CHARS: usize = 200;
/// Longest heading accepted as a title.
const MAX_TITLE_CHARS: usize = 400;
/// Longest element text accepted as a date.
const MAX_DATE_CHARS: usize = 100;
/// Headings and `<time>` elements remembered for metadata.
const MAX_METADATA_REFS: usize = 256;
/// Segments looked at when reading a heading or date element's text.
const MAX_CAPTURE_SEGS: usize = 4096;
/// Warnings kept per document.
const MAX_WARNINGS: usize = 32;
/// JSON-LD nesting walked when looking for dates.
const MAX_JSON_DEPTH: usize = 64;

/// Clean text and metadata of one HTML article page.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HtmlDoc {
    /// The article's main text: paragraphs separated by "\n\n", headings/list items on their own lines,
    /// whitespace collapsed within a paragraph, entities decoded. Not menus, navigation, footers,
    /// scripts, styles, comments, forms, asides, cookie banners, share buttons.
    pub text: String,
    /// From `<title>`, og:title, or the first `<h1>` (og:title / h1 preferred over a "Title | Site"
    /// `<title>`; " | Site" / " - Site" suffixes stripped when another source confirms the rest).
    pub title: Option<String>,
    /// The publication date/time string exactly as found in metadata (not parsed), best source first:
    /// JSON-LD datePublished (also inside @graph arrays), `<meta property="article:published_time">`,
    /// meta name= "pubdate", "publishdate", "date", "dc.date", "DC.date.issued", "sailthru.date", "parsely-pub-date",
    /// itemprop="datePublished", then the first `<time datetime="...">` inside the article.
    pub published: Option<String>,
    /// `<html lang="...">` or meta content-language / og:locale, lowercased primary subtag ("it").
    pub lang: Option<String>,
    /// Human-readable notes about problems (e.g. "HTML nesting deeper than 512 levels; rest flattened").
    pub warnings: Vec<String>,
}

/// Extracts the main text, title, publication date and language of an HTML page.
///
/// Never fails and never panics: broken markup is read the way a browser would, as far as
/// that is cheap, and anything odd is noted in [`HtmlDoc::warnings`].
pub fn html_to_text(html: &str) -> HtmlDoc {
    let mut parser = Parser::new(html);
    parser.run();
    parser.finish()
}

/// Cheap sniff: does this text look like an HTML document (doctype, `<html`, `<body`, or several common tags)?
///
/// Looks at the first 64 KiB only.
pub fn looks_like_html(text: &str) -> bool {
    const SNIFF_BYTES: usize = 64 * 1024;
    const COMMON_TAGS: &[&str] = &[
        "p",
        "div",
        "span",
        "a",
        "br",
        "li",
        "ul",
        "ol",
        "h1",
        "h2",
        "h3",
        "h4",
        "img",
        "table",
        "strong",
        "em",
        "b",
        "i",
        "meta",
        "link",
        "script",
        "section",
        "article",
        "header",
        "footer",
        "nav",
        "title",
        "time",
        "figure",
        "blockquote",
    ];
    let bytes = text.as_bytes();
    let head = bytes.get(..bytes.len().min(SNIFF_BYTES)).unwrap_or(bytes);
    let lower = head.to_ascii_lowercase();
    let start = lower
        .strip_prefix(b"\xEF\xBB\xBF".as_slice())
        .unwrap_or(&lower);
    let start = start.trim_ascii_start();
    if start.starts_with(b"<!doctype html") || start.starts_with(b"<html") {
        return true;
    }
    let mut common = 0usize;
    let mut i = 0usize;
    while let Some(lt) = find_byte(&lower, i, b'<') {
        i = lt + 1;
        let mut name_start = lt + 1;
        if lower.get(name_start) == Some(&b'/') {
            name_start += 1;
        }
        let mut name_end = name_start;
        while lower.get(name_end).is_some_and(u8::is_ascii_alphanumeric) {
            name_end += 1;
        }
        let ends_name = lower
            .get(name_end)
            .is_none_or(|&c| c == b'>' || c == b'/' || is_ws_byte(c));
        if name_end == name_start || !ends_name {
            continue;
        }
        let Some(name) = lower.get(name_start..name_end) else {
            continue;
        };
        if matches!(name, b"html" | b"body" | b"head") {
            return true;
        }
        if COMMON_TAGS.iter().any(|t| t.as_bytes() == name) {
            common += 1;
            if common >= 5 {
                return true;
            }
        }
    }
    false
}

// ---------------------------------------------------------------------------------------
// Parser state
// ---------------------------------------------------------------------------------------

/// Flags every open element passes on to its content.
#[derive(Debug, Clone, Copy, Default)]
struct Flags {
    /// Always dropped: nav, footer, aside, head, svg, site header, ...
    hard: bool,
    /// Dropped unless that leaves too little: class-name boilerplate, hidden, forms.
    soft: bool,
    /// Like `soft`, but only counting boilerplate inside the nearest candidate region:
    /// used when that region itself sits in something that looked like boilerplate.
    soft_inner: bool,
    /// Inside an article / main / article-body region.
    content: bool,
    /// Inside svg or math, where `<x/>` really is self-closing.
    foreign: bool,
    /// Inside `<pre>`: newlines are kept.
    pre: bool,
}

/// A break between pieces of text, weakest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Brk {
    Space,
    Line,
    /// A `<br>`: a line break, and two in a row make a paragraph break.
    Br,
    Para,
}

impl Brk {
    fn merge(self, next: Brk) -> Brk {
        if self == Brk::Br && next == Brk::Br {
            Brk::Para
        } else {
            self.max(next)
        }
    }

    fn as_str(self) -> &'static str {
        match self {
            Brk::Space => " ",
            Brk::Line | Brk::Br => "\n",
            Brk::Para => "\n\n",
        }
    }
}

/// One piece of the flattened document.
#[derive(Debug, Clone, Copy)]
enum Seg {
    /// Decoded text `buf[start..end]`, with the drop flags it was found under.
    Text {
        start: usize,
        end: usize,
        hard: bool,
        soft: bool,
        soft_inner: bool,
        pre: bool,
    },
    Break(Brk),
}

/// Which boilerplate is left out of a rendering (hard boilerplate always is).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Dropping {
    /// All soft boilerplate.
    Soft = 0,
    /// Soft boilerplate inside the nearest candidate region only.
    SoftInner = 1,
    /// None: only hard boilerplate goes.
    Hard = 2,
}

impl Dropping {
    fn for_region(r: &Region) -> Dropping {
        if r.suspect {
            Dropping::SoftInner
        } else {
            Dropping::Soft
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum RegionKind {
    Article,
    Main,
    Marker,
}

/// A candidate main-text region: segments `start..end`.
#[derive(Debug, Clone, Copy)]
struct Region {
    kind: RegionKind,
    start: usize,
    end: usize,
    /// Inside boilerplate or named like it (a comment `<article>` in `#comments`, a
    /// teaser in `.related`): considered only when no other candidate will do.
    suspect: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum CaptureKind {
    H1,
    DateText,
}

/// Text of one element kept for metadata (an `<h1>`, an `itemprop=datePublished` span).
#[derive(Debug, Clone)]
struct Capture {
    kind: CaptureKind,
    start: usize,
    end: usize,
    hidden: bool,
    /// Candidate regions open around it.
    regions: Vec<usize>,
}

/// A `<time datetime>` seen in the body.
#[derive(Debug, Clone)]
struct TimeRef {
    value: String,
    hidden: bool,
    regions: Vec<usize>,
}

#[derive(Debug)]
struct Open {
    name: String,
    flags: Flags,
    region: Option<usize>,
    capture: Option<usize>,
}

#[derive(Debug)]
struct Tag {
    name: String,
    attrs: Vec<(String, String)>,
    self_closing: bool,
}

impl Tag {
    fn attr(&self, key: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }

    fn attr_lower(&self, key: &str) -> String {
        self.attr(key)
            .map(|v| v.trim().to_ascii_lowercase())
            .unwrap_or_default()
    }
}

/// Meta-tag keys giving a publication date, best first (after JSON-LD).
const META_DATE_KEYS: [&str; 8] = [
    "article:published_time",
    "pubdate",
    "publishdate",
    "date",
    "dc.date",
    "dc.date.issued",
    "sailthru.date",
    "parsely-pub-date",
];

#[derive(Debug, Default)]
struct Meta {
    og_title: Option<String>,
    twitter_title: Option<String>,
    dates: [Option<String>; META_DATE_KEYS.len()],
    itemprop_date: Option<String>,
    html_lang: Option<String>,
    content_lang: Option<String>,
    og_locale: Option<String>,
}

struct Parser<'a> {
    src: &'a str,
    /// Position of the last `>`: a tag starting after it can never close.
    last_gt: Option<usize>,
    /// A quote search up to `last_gt` failed (index 0: `"`, 1: `'`); later ones would too.
    quote_dead: [bool; 2],
    /// A search for `-->` failed; later ones would too.
    comment_dead: bool,
    /// A search for `</title` (0) or `</textarea` (1) failed.
    rcdata_dead: [bool; 2],
    stack: Vec<Open>,
    open_counts: HashMap<String, usize>,
    buf: String,
    segs: Vec<Seg>,
    /// Text must not be merged into segments before this index (a region starts here).
    merge_floor: usize,
    regions: Vec<Region>,
    captures: Vec<Capture>,
    times: Vec<TimeRef>,
    html_title: Option<String>,
    meta: Meta,
    jsonld: Vec<String>,
    warnings: Vec<String>,
    depth_warned: bool,
}

impl<'a> Parser<'a> {
    fn new(src: &'a str) -> Self {
        Parser {
            src,
            last_gt: src.as_bytes().iter().rposition(|&c| c == b'>'),
            quote_dead: [false; 2],
            comment_dead: false,
            rcdata_dead: [false; 2],
            stack: Vec::new(),
            open_counts: HashMap::new(),
            buf: String::with_capacity(src.len() / 2),
            segs: Vec::new(),
            merge_floor: 0,
            regions: Vec::new(),
            captures: Vec::new(),
            times: Vec::new(),
            html_title: None,
            meta: Meta::default(),
            jsonld: Vec::new(),
            warnings: Vec::new(),
            depth_warned: false,
        }
    }

    fn bytes(&self) -> &'a [u8] {
        self.src.as_bytes()
    }

    fn warn(&mut self, message: impl Into<String>) {
        let message = message.into();
        if self.warnings.len() < MAX_WARNINGS && !self.warnings.contains(&message) {
            self.warnings.push(message);
        }
    }

    fn flags(&self) -> Flags {
        self.stack.last().map(|o| o.flags).unwrap_or_default()
    }

    fn is_open(&self, name: &str) -> bool {
        self.open_counts.get(name).is_some_and(|&n| n > 0)
    }

    // -----------------------------------------------------------------------------------
    // Tokenizer
    // -----------------------------------------------------------------------------------

    fn run(&mut self) {
        let b = self.bytes();
        let len = b.len();
        let mut i = 0usize;
        while i < len {
            let Some(lt) = find_byte(b, i, b'<') else {
                self.text(i, len);
                break;
            };
            if lt > i {
                self.text(i, lt);
            }
            i = self.markup(lt).max(lt + 1);
        }
    }

    /// Handles whatever starts at the `<` at `lt`; returns where to go on.
    fn markup(&mut self, lt: usize) -> usize {
        let b = self.bytes();
        match b.get(lt + 1).copied() {
            Some(c) if c.is_ascii_alphabetic() => match self.scan_tag(lt + 1) {
                Some((tag, end)) => self.start_tag(tag, end),
                None => self.literal_lt(lt),
            },
            Some(b'/') => match b.get(lt + 2).copied() {
                Some(c) if c.is_ascii_alphabetic() => match self.find_gt(lt + 2) {
                    Some(gt) => {
                        let mut name_end = lt + 2;
                        while b
                            .get(name_end)
                            .is_some_and(|&c| !is_ws_byte(c) && c != b'/' && c != b'>')
                        {
                            name_end += 1;
                        }
                        let name = self
                            .src
                            .get(lt + 2..name_end)
                            .unwrap_or("")
                            .to_ascii_lowercase();
                        self.end_tag(&name);
                        gt + 1
                    }
                    None => self.literal_lt(lt),
                },
                Some(b'>') => lt + 3,
                _ => match self.find_gt(lt + 2) {
                    Some(gt) => gt + 1,
                    None => self.literal_lt(lt),
                },
            },
            Some(b'!') => {
                if b.get(lt..lt + 4) == Some(b"<!--".as_slice()) {
                    self.comment(lt)
                } else if b
                    .get(lt..lt + 9)
                    .is_some_and(|s| s.eq_ignore_ascii_case(b"<![CDATA["))
                {
                    self.cdata(lt)
                } else {
                    match self.find_gt(lt + 2) {
                        Some(gt) => gt + 1,
                        None => self.literal_lt(lt),
                    }
                }
            }
            Some(b'?') => match self.find_gt(lt + 2) {
                Some(gt) => gt + 1,
                None => self.literal_lt(lt),
            },
            _ => self.literal_lt(lt),
        }
    }

    /// A `<` that starts no markup is text.
    fn literal_lt(&mut self, lt: usize) -> usize {
        self.text(lt, lt + 1);
        lt + 1
    }

    fn find_gt(&self, from: usize) -> Option<usize> {
        match self.last_gt {
            Some(g) if from <= g => find_byte(self.bytes(), from, b'>'),
            _ => None,
        }
    }

    /// Finds the closing quote for a value opened just before `from`, never past the last `>`.
    fn find_quote(&mut self, quote: u8, from: usize) -> Option<usize> {
        let slot = usize::from(quote == b'\'');
        if self.quote_dead.get(slot).copied().unwrap_or(true) {
            return None;
        }
        let last_gt = self.last_gt?;
        let found = self
            .bytes()
            .get(from..last_gt)
            .and_then(|s| s.iter().position(|&c| c == quote))
            .map(|p| from + p);
        if found.is_none()
            && let Some(dead) = self.quote_dead.get_mut(slot)
        {
            *dead = true;
        }
        found
    }

    /// Reads a start tag whose name begins at `name_start`; `None` if it never closes.
    fn scan_tag(&mut self, name_start: usize) -> Option<(Tag, usize)> {
        if self.last_gt.is_none_or(|g| name_start > g) {
            return None;
        }
        let b = self.bytes();
        let mut j = name_start;
        while b
            .get(j)
            .is_some_and(|&c| !is_ws_byte(c) && c != b'/' && c != b'>')
        {
            j += 1;
        }
        let mut tag = Tag {
            name: self
                .src
                .get(name_start..j)
                .unwrap_or("")
                .to_ascii_lowercase(),
            attrs: Vec::new(),
            self_closing: false,
        };
        loop {
            while let Some(&c) = b.get(j) {
                if is_ws_byte(c) {
                    j += 1;
                } else if c == b'/' {
                    tag.self_closing = true;
                    j += 1;
                } else {
                    break;
                }
            }
            let c = *b.get(j)?;
            if c == b'>' {
                return Some((tag, j + 1));
            }
            tag.self_closing = false;
            let name_from = j;
            j += 1; // the first character may be anything, even '='
            while b
                .get(j)
                .is_some_and(|&c| !is_ws_byte(c) && !matches!(c, b'/' | b'>' | b'='))
            {
                j += 1;
            }
            let attr_name = self
                .src
                .get(name_from..j)
                .unwrap_or("")
                .to_ascii_lowercase();
            let mut k = j;
            while b.get(k).copied().is_some_and(is_ws_byte) {
                k += 1;
            }
            let mut value = String::new();
            if b.get(k) == Some(&b'=') {
                j = k + 1;
                while b.get(j).copied().is_some_and(is_ws_byte) {
                    j += 1;
                }
                match b.get(j).copied() {
                    Some(q @ (b'"' | b'\'')) => match self.find_quote(q, j + 1) {
                        Some(close) => {
                            decode_entities_into(
                                &mut value,
                                self.src.get(j + 1..close).unwrap_or(""),
                                true,
                            );
                            j = close + 1;
                        }
                        None => {
                            // Unclosed quote: the tag ends at the next '>' instead of eating the page.
                            let gt = self.find_gt(j + 1)?;
                            decode_entities_into(
                                &mut value,
                                self.src.get(j + 1..gt).unwrap_or(""),
                                true,
                            );
                            push_attr(&mut tag, attr_name, value);
                            return Some((tag, gt + 1));
                        }
                    },
                    Some(_) => {
                        let from = j;
                        while b.get(j).is_some_and(|&c| !is_ws_byte(c) && c != b'>') {
                            j += 1;
                        }
                        decode_entities_into(&mut value, self.src.get(from..j).unwrap_or(""), true);
                    }
                    None => return None,
                }
            }
            push_attr(&mut tag, attr_name, value);
        }
    }

    fn comment(&mut self, lt: usize) -> usize {
        let b = self.bytes();
        let body = lt + 4;
        // `<!-->` and `<!--->` are complete (empty) comments.
        if b.get(body) == Some(&b'>') {
            return body + 1;
        }
        if b.get(body..body + 2) == Some(b"->".as_slice()) {
            return body + 2;
        }
        if !self.comment_dead {
            if let Some(p) = b
                .get(body..)
                .and_then(|s| s.windows(3).position(|w| w == b"-->"))
            {
                return body + p + 3;
            }
            self.comment_dead = true;
        }
        self.warn("unterminated HTML comment; ended at the next '>'");
        match self.find_gt(body) {
            Some(gt) => gt + 1,
            None => b.len(),
        }
    }

    fn cdata(&mut self, lt: usize) -> usize {
        let b = self.bytes();
        let body = lt + 9;
        let (end, next) = match b
            .get(body..)
            .and_then(|s| s.windows(3).position(|w| w == b"]]>"))
        {
            Some(p) => (body + p, body + p + 3),
            None => {
                self.warn("unterminated CDATA section; read to the end");
                (b.len(), b.len())
            }
        };
        let text = self.src.get(body..end).unwrap_or("");
        if !text.is_empty() {
            let flags = self.flags();
            let start = self.buf.len();
            self.buf.push_str(text);
            self.push_text_seg(start, flags);
        }
        next
    }

    /// Finds `</name` (any case) from `from`: (where the content ends, where parsing goes on).
    fn find_end_tag(&self, name: &str, from: usize) -> Option<(usize, usize)> {
        let b = self.bytes();
        let n = name.as_bytes();
        let mut i = from;
        while let Some(p) = find_byte(b, i, b'<') {
            i = p + 1;
            if b.get(p + 1) != Some(&b'/') {
                continue;
            }
            let s = p + 2;
            let candidate = b.get(s..s + n.len())?;
            if !candidate.eq_ignore_ascii_case(n) {
                continue;
            }
            let after = b.get(s + n.len()).copied();
            if after.is_none_or(|c| is_ws_byte(c) || c == b'/' || c == b'>') {
                let next = find_byte(b, s + n.len(), b'>').map_or(b.len(), |g| g + 1);
                return Some((p, next));
            }
        }
        None
    }

    fn start_tag(&mut self, tag: Tag, end: usize) -> usize {
        match tag.name.as_str() {
            "script" | "style" | "xmp" | "iframe" | "noembed" | "noframes" => {
                let name = tag.name.clone();
                let (content_end, next) = match self.find_end_tag(&name, end) {
                    Some(found) => found,
                    None => {
                        let len = self.bytes().len();
                        if end < len {
                            self.warn(format!("unterminated <{name}>; rest of the page ignored"));
                        }
                        (len, len)
                    }
                };
                if name == "script" && tag.attr_lower("type").contains("ld+json") {
                    let json = self.src.get(end..content_end).unwrap_or("").to_string();
                    self.jsonld.push(json);
                }
                next
            }
            "title" | "textarea" => {
                let slot = usize::from(tag.name == "textarea");
                let dead = self.rcdata_dead.get(slot).copied().unwrap_or(true);
                let found = if dead {
                    None
                } else {
                    self.find_end_tag(&tag.name, end)
                };
                match found {
                    Some((content_end, next)) => {
                        if tag.name == "title" && self.html_title.is_none() && !self.flags().foreign
                        {
                            let mut title = String::new();
                            decode_entities_into(
                                &mut title,
                                self.src.get(end..content_end).unwrap_or(""),
                                false,
                            );
                            self.html_title = Some(title);
                        }
                        next
                    }
                    None => {
                        if let Some(d) = self.rcdata_dead.get_mut(slot) {
                            *d = true;
                        }
                        self.warn(format!(
                            "unterminated <{}>; read as ordinary markup",
                            tag.name
                        ));
                        self.open_element(tag);
                        end
                    }
                }
            }
            _ => {
                self.open_element(tag);
                end
            }
        }
    }

    // -----------------------------------------------------------------------------------
    // Tree building (just enough of it)
    // -----------------------------------------------------------------------------------

    fn open_element(&mut self, tag: Tag) {
        let name = tag.name.as_str();
        match name {
            "html" => {
                if self.meta.html_lang.is_none() {
                    self.meta.html_lang = tag
                        .attr("lang")
                        .or_else(|| tag.attr("xml:lang"))
                        .map(str::to_string);
                }
                if self.is_open("html") {
                    return;
                }
            }
            "body" => {
                self.close_head();
                if self.is_open("body") {
                    return;
                }
            }
            "head" => {
                if self.is_open("head") || self.is_open("body") {
                    return;
                }
            }
            _ => {
                if !belongs_in_head(name) {
                    self.close_head();
                }
            }
        }
        self.close_implied(name);

        let (flags, region_kind) = self.child_flags(&tag);
        self.note_metadata(&tag, flags);

        if let Some(k) = break_kind(name) {
            self.push_break(k);
        }
        if is_void(name) || (tag.self_closing && flags.foreign) {
            return;
        }
        if self.stack.len() >= MAX_DEPTH {
            if !self.depth_warned {
                self.depth_warned = true;
                self.warn(format!(
                    "HTML nesting deeper than {MAX_DEPTH} levels; rest flattened"
                ));
            }
            return;
        }

        let region = region_kind.map(|(kind, suspect)| {
            self.merge_floor = self.segs.len();
            self.regions.push(Region {
                kind,
                start: self.segs.len(),
                end: self.segs.len(),
                suspect,
            });
            self.regions.len() - 1
        });
        let capture_kind = if name == "h1" {
            Some(CaptureKind::H1)
        } else if tag.attr_lower("itemprop") == "datepublished"
            && name != "meta"
            && tag.attr("content").is_none()
            && tag.attr("datetime").is_none()
        {
            Some(CaptureKind::DateText)
        } else {
            None
        };
        let capture = match capture_kind {
            Some(kind) if self.captures.len() < MAX_METADATA_REFS => {
                self.merge_floor = self.segs.len();
                let regions = self.open_regions(region);
                self.captures.push(Capture {
                    kind,
                    start: self.segs.len(),
                    end: self.segs.len(),
                    hidden: flags.hard || flags.soft,
                    regions,
                });
                Some(self.captures.len() - 1)
            }
            _ => None,
        };
        *self.open_counts.entry(tag.name.clone()).or_insert(0) += 1;
        self.stack.push(Open {
            name: tag.name,
            flags,
            region,
            capture,
        });
    }

    /// Candidate regions currently open, plus `extra` (the one being opened).
    fn open_regions(&self, extra: Option<usize>) -> Vec<usize> {
        self.stack
            .iter()
            .filter_map(|o| o.region)
            .chain(extra)
            .collect()
    }

    fn child_flags(&self, tag: &Tag) -> (Flags, Option<(RegionKind, bool)>) {
        let parent = self.flags();
        let name = tag.name.as_str();
        let role = tag.attr_lower("role");
        let itemprop = tag.attr_lower("itemprop");
        let itemtype = tag.attr_lower("itemtype");
        let signals = class_signals(
            &tag.attr_lower("class"),
            &tag.attr_lower("id"),
            parent.content,
        );
        let region = if matches!(name, "html" | "head" | "body") {
            None
        } else if name == "article" || itemtype.contains("article") {
            Some(RegionKind::Article)
        } else if name == "main" || role == "main" {
            Some(RegionKind::Main)
        } else if itemprop.contains("articlebody") || signals.marker {
            Some(RegionKind::Marker)
        } else {
            None
        };
        let style: String = tag
            .attr_lower("style")
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect();
        let hidden = tag.attr("hidden").is_some()
            || tag.attr_lower("aria-hidden") == "true"
            || style.contains("display:none")
            || style.contains("visibility:hidden");
        let site_header = (name == "header" || role == "banner") && !parent.content;
        let hard = parent.hard || is_hard_tag(name) || is_hard_role(&role) || site_header;
        let own_soft = hidden || signals.boilerplate || name == "form";
        let flags = Flags {
            hard,
            soft: parent.soft || own_soft,
            soft_inner: if region.is_some() {
                hidden
            } else {
                parent.soft_inner || own_soft
            },
            content: parent.content || region.is_some(),
            foreign: parent.foreign || name == "svg" || name == "math",
            pre: parent.pre || matches!(name, "pre" | "listing" | "textarea"),
        };
        let suspect = parent.soft || parent.hard || signals.boilerplate;
        (flags, region.map(|kind| (kind, suspect)))
    }

    fn note_metadata(&mut self, tag: &Tag, flags: Flags) {
        if tag.name == "meta" {
            self.note_meta(tag);
            return;
        }
        if tag.attr_lower("itemprop") == "datepublished" && self.meta.itemprop_date.is_none() {
            let value = tag
                .attr("content")
                .or_else(|| tag.attr("datetime"))
                .map(str::trim)
                .filter(|v| !v.is_empty());
            if let Some(v) = value {
                self.meta.itemprop_date = Some(v.to_string());
            }
        }
        if tag.name == "time"
            && self.times.len() < MAX_METADATA_REFS
            && let Some(value) = tag.attr("datetime").map(str::trim)
            && !value.is_empty()
        {
            let regions = self.open_regions(None);
            self.times.push(TimeRef {
                value: value.to_string(),
                hidden: flags.hard || flags.soft,
                regions,
            });
        }
    }

    fn note_meta(&mut self, tag: &Tag) {
        let Some(content) = tag.attr("content").map(str::trim).filter(|c| !c.is_empty()) else {
            return;
        };
        for key_attr in ["property", "name", "itemprop", "http-equiv"] {
            let key = tag.attr_lower(key_attr);
            let slot = match key.as_str() {
                "" => continue,
                "og:title" => &mut self.meta.og_title,
                "twitter:title" => &mut self.meta.twitter_title,
                "og:locale" => &mut self.meta.og_locale,
                "content-language" | "language" | "dc.language" => &mut self.meta.content_lang,
                "datepublished" => &mut self.meta.itemprop_date,
                k => match META_DATE_KEYS.iter().position(|d| *d == k) {
                    Some(rank) => match self.meta.dates.get_mut(rank) {
                        Some(slot) => slot,
                        None => continue,
                    },
                    None => continue,
                },
            };
            if slot.is_none() {
                *slot = Some(content.to_string());
            }
        }
    }

    fn close_head(&mut self) {
        if self.is_open("head") {
            self.pop_until("head");
        }
    }

    /// Closes what a start tag closes implicitly (a `<p>` before a block, the previous `<li>`, ...).
    fn close_implied(&mut self, name: &str) {
        if closes_p(name) && self.is_open("p") {
            self.close_in_scope(&["p"], |n| {
                matches!(
                    n,
                    "applet"
                        | "caption"
                        | "html"
                        | "table"
                        | "td"
                        | "th"
                        | "marquee"
                        | "object"
                        | "template"
                        | "button"
                )
            });
        }
        match name {
            "li" => self.close_in_scope(&["li"], |n| {
                is_special(n) && !matches!(n, "address" | "div" | "p")
            }),
            "dd" | "dt" => self.close_in_scope(&["dd", "dt"], |n| {
                is_special(n) && !matches!(n, "address" | "div" | "p")
            }),
            "tr" => self.close_in_scope(&["tr"], |n| matches!(n, "table" | "html" | "template")),
            "td" | "th" => self.close_in_scope(&["td", "th"], |n| {
                matches!(n, "tr" | "table" | "html" | "template")
            }),
            "thead" | "tbody" | "tfoot" => self.close_in_scope(&["thead", "tbody", "tfoot"], |n| {
                matches!(n, "table" | "html" | "template")
            }),
            "option" if self.stack.last().is_some_and(|o| o.name == "option") => {
                self.pop_entry();
            }
            _ if is_heading(name) && self.stack.last().is_some_and(|o| is_heading(&o.name)) => {
                self.pop_entry();
            }
            _ => {}
        }
    }

    /// Pops down to the nearest open element named in `targets`, unless a `boundary`
    /// element (or [`SCOPE_WALK`] entries) comes first.
    fn close_in_scope(&mut self, targets: &[&str], boundary: impl Fn(&str) -> bool) {
        if !targets.iter().any(|t| self.is_open(t)) {
            return;
        }
        let mut depth = None;
        for (k, open) in self.stack.iter().rev().take(SCOPE_WALK).enumerate() {
            if targets.contains(&open.name.as_str()) {
                depth = Some(k + 1);
                break;
            }
            if boundary(&open.name) {
                return;
            }
        }
        for _ in 0..depth.unwrap_or(0) {
            self.pop_entry();
        }
    }

    fn end_tag(&mut self, name: &str) {
        match name {
            "br" => {
                self.push_break(Brk::Br);
                return;
            }
            "html" | "body" => return, // content after </body> still belongs to the body
            "p" if !self.is_open("p") => {
                self.push_break(Brk::Para);
                return;
            }
            _ => {}
        }
        if is_heading(name) && !self.is_open(name) {
            // `<h2>...</h3>` closes the h2.
            let depth = self
                .stack
                .iter()
                .rev()
                .take(SCOPE_WALK)
                .position(|o| is_heading(&o.name));
            match depth {
                Some(k) => {
                    for _ in 0..=k {
                        self.pop_entry();
                    }
                }
                None => self.push_break(Brk::Para),
            }
            return;
        }
        if self.is_open(name) {
            self.pop_until(name);
        } else if let Some(k) = break_kind(name) {
            self.push_break(k);
        }
    }

    fn pop_until(&mut self, name: &str) {
        while let Some(top) = self.stack.last() {
            let done = top.name == name;
            self.pop_entry();
            if done {
                break;
            }
        }
    }

    fn pop_entry(&mut self) {
        let Some(open) = self.stack.pop() else {
            return;
        };
        if let Some(count) = self.open_counts.get_mut(&open.name) {
            *count = count.saturating_sub(1);
        }
        let end = self.segs.len();
        if let Some(region) = open.region.and_then(|i| self.regions.get_mut(i)) {
            region.end = end;
            self.merge_floor = end;
        }
        if let Some(capture) = open.capture.and_then(|i| self.captures.get_mut(i)) {
            capture.end = end;
            self.merge_floor = end;
        }
        if let Some(k) = break_kind(&open.name) {
            self.push_break(k);
        }
    }

    // -----------------------------------------------------------------------------------
    // Output segments
    // -----------------------------------------------------------------------------------

    fn text(&mut self, from: usize, to: usize) {
        let Some(s) = self.src.get(from..to) else {
            return;
        };
        if s.is_empty() {
            return;
        }
        if self.is_open("head") && !s.bytes().all(is_ws_byte) {
            // Text cannot live in <head>: a browser would have started the body.
            self.close_head();
        }
        let flags = self.flags();
        let start = self.buf.len();
        decode_entities_into(&mut self.buf, s, false);
        self.push_text_seg(start, flags);
    }

    fn push_text_seg(&mut self, start: usize, flags: Flags) {
        let end = self.buf.len();
        if end <= start {
            return;
        }
        let mergeable = self.segs.len() > self.merge_floor;
        if mergeable
            && let Some(Seg::Text {
                end: last_end,
                hard,
                soft,
                soft_inner,
                pre,
                ..
            }) = self.segs.last_mut()
            && *last_end == start
            && *hard == flags.hard
            && *soft == flags.soft
            && *soft_inner == flags.soft_inner
            && *pre == flags.pre
        {
            *last_end = end;
            return;
        }
        self.segs.push(Seg::Text {
            start,
            end,
            hard: flags.hard,
            soft: flags.soft,
            soft_inner: flags.soft_inner,
            pre: flags.pre,
        });
    }

    fn push_break(&mut self, k: Brk) {
        if let Some(Seg::Break(prev)) = self.segs.last_mut() {
            *prev = prev.merge(k);
            return;
        }
        self.segs.push(Seg::Break(k));
    }

    // -----------------------------------------------------------------------------------
    // Choosing the main text and the metadata
    // -----------------------------------------------------------------------------------

    fn finish(mut self) -> HtmlDoc {
        while !self.stack.is_empty() {
            self.pop_entry();
        }
        let seg_count = self.segs.len();
        // Visible characters before each segment, under each way of dropping boilerplate.
        let mut sums = [
            Vec::with_capacity(seg_count + 1),
            Vec::with_capacity(seg_count + 1),
            Vec::with_capacity(seg_count + 1),
        ];
        let mut totals = [0usize; 3];
        for seg in &self.segs {
            for (sum, total) in sums.iter_mut().zip(totals) {
                sum.push(total);
            }
            if let Seg::Text {
                start,
                end,
                hard: false,
                soft,
                soft_inner,
                ..
            } = *seg
            {
                let n = self
                    .buf
                    .get(start..end)
                    .map_or(0, |t| t.chars().filter(|c| !c.is_whitespace()).count());
                let drop = [soft, soft_inner, false];
                for (total, dropped) in totals.iter_mut().zip(drop) {
                    if !dropped {
                        *total += n;
                    }
                }
            }
        }
        for (sum, total) in sums.iter_mut().zip(totals) {
            sum.push(total);
        }
        let [soft_total, _, loose_total] = totals;
        let region_len = |r: &Region| {
            let Some(sum) = sums.get(Dropping::for_region(r) as usize) else {
                return 0;
            };
            sum.get(r.end)
                .zip(sum.get(r.start))
                .map_or(0, |(e, s)| e.saturating_sub(*s))
        };

        // Best of each kind in order of trust; candidates under boilerplate last.
        let mut chosen: Option<usize> = None;
        'search: for suspect in [false, true] {
            for kind in [RegionKind::Article, RegionKind::Main, RegionKind::Marker] {
                let mut best: Option<(usize, usize)> = None;
                for (i, r) in self.regions.iter().enumerate() {
                    let n = region_len(r);
                    if r.kind == kind && r.suspect == suspect && best.is_none_or(|(_, b)| n > b) {
                        best = Some((i, n));
                    }
                }
                if let Some((i, n)) = best
                    && n > 0
                    && (n >= MIN_MAIN_CHARS || n * 2 >= soft_total)
                {
                    chosen = Some(i);
                    break 'search;
                }
            }
        }
        let text = match chosen.and_then(|i| self.regions.get(i)) {
            Some(r) => self.render(r.start, r.end, Dropping::for_region(r)),
            None => {
                let keep_soft = soft_total < MIN_MAIN_CHARS && soft_total * 2 < loose_total;
                let drop = if keep_soft {
                    Dropping::Hard
                } else {
                    Dropping::Soft
                };
                self.render(0, seg_count, drop)
            }
        };
        let in_chosen = |regions: &[usize]| chosen.is_none_or(|c| regions.contains(&c));

        // Title.
        let mut h1 = None;
        for pass in 0..2 {
            for c in &self.captures {
                if c.kind != CaptureKind::H1 || c.hidden || (pass == 0 && !in_chosen(&c.regions)) {
                    continue;
                }
                if let Some(t) = self.capture_text(c, MAX_TITLE_CHARS) {
                    h1 = Some(t);
                    break;
                }
            }
            if h1.is_some() {
                break;
            }
        }
        let mut jsonld = JsonLdInfo::default();
        for raw in std::mem::take(&mut self.jsonld) {
            scan_jsonld(&raw, &mut jsonld, &mut self.warnings);
        }
        let title = choose_title(
            self.meta.og_title.as_deref().and_then(clean_inline),
            h1,
            self.meta.twitter_title.as_deref().and_then(clean_inline),
            jsonld.headline.as_deref().and_then(clean_inline),
            self.html_title.as_deref().and_then(clean_inline),
        );

        // Publication date, best source first.
        let mut published = jsonld.article_date.clone().or(jsonld.any_date.clone());
        for d in &self.meta.dates {
            if published.is_none() {
                published.clone_from(d);
            }
        }
        if published.is_none() {
            published.clone_from(&self.meta.itemprop_date);
        }
        if published.is_none() {
            published = self
                .captures
                .iter()
                .filter(|c| c.kind == CaptureKind::DateText)
                .find_map(|c| self.capture_text(c, MAX_DATE_CHARS));
        }
        if published.is_none() {
            published = self
                .times
                .iter()
                .find(|t| !t.hidden && in_chosen(&t.regions))
                .or_else(|| self.times.iter().find(|t| !t.hidden))
                .map(|t| t.value.clone());
        }
        let published = published
            .map(|p| p.trim().to_string())
            .filter(|p| !p.is_empty());

        let lang = [
            &self.meta.html_lang,
            &self.meta.content_lang,
            &self.meta.og_locale,
        ]
        .into_iter()
        .find_map(|l| l.as_deref().and_then(primary_subtag));

        let mut warnings = self.warnings;
        if text.is_empty() && !self.src.trim().is_empty() && warnings.len() < MAX_WARNINGS {
            warnings.push("no readable text found in the HTML".to_string());
        }
        HtmlDoc {
            text,
            title,
            published,
            lang,
            warnings,
        }
    }

    /// Joins segments `start..end` into text: whitespace collapsed, breaks as newlines.
    fn render(&self, start: usize, end: usize, drop: Dropping) -> String {
        let mut out = String::new();
        let mut pending: Option<Brk> = None;
        for seg in self.segs.get(start..end).unwrap_or(&[]) {
            match *seg {
                Seg::Break(k) => pending = Some(pending.map_or(k, |p| p.merge(k))),
                Seg::Text {
                    start,
                    end,
                    hard,
                    soft,
                    soft_inner,
                    pre,
                } => {
                    let dropped = hard
                        || match drop {
                            Dropping::Soft => soft,
                            Dropping::SoftInner => soft_inner,
                            Dropping::Hard => false,
                        };
                    if dropped {
                        continue;
                    }
                    for c in self.buf.get(start..end).unwrap_or("").chars() {
                        let brk = if pre && c == '\n' {
                            Some(Brk::Line)
                        } else if c.is_whitespace() {
                            Some(Brk::Space)
                        } else {
                            None
                        };
                        if let Some(k) = brk {
                            pending = Some(pending.map_or(k, |p| p.merge(k)));
                        } else if !is_invisible(c) {
                            if let Some(p) = pending.take()
                                && !out.is_empty()
                            {
                                out.push_str(p.as_str());
                            }
                            out.push(c);
                        }
                    }
                }
            }
        }
        out
    }

    /// The text of a captured element on one line, or `None` if empty or longer than `max_chars`.
    fn capture_text(&self, c: &Capture, max_chars: usize) -> Option<String> {
        let mut out = String::new();
        let mut chars = 0usize;
        let mut space = false;
        let end = c.end.min(c.start.saturating_add(MAX_CAPTURE_SEGS));
        for seg in self.segs.get(c.start..end).unwrap_or(&[]) {
            match *seg {
                Seg::Break(_) => space = true,
                Seg::Text { start, end, .. } => {
                    for ch in self.buf.get(start..end).unwrap_or("").chars() {
                        if ch.is_whitespace() {
                            space = true;
                        } else if !is_invisible(ch) {
                            if space && !out.is_empty() {
                                out.push(' ');
                            }
                            space = false;
                            out.push(ch);
                            chars += 1;
                            if chars > max_chars {
                                return None;
                            }
                        }
                    }
                }
            }
        }
        (!out.is_empty()).then_some(out)
    }
}

fn push_attr(tag: &mut Tag, name: String, value: String) {
    if name.is_empty() || tag.attrs.len() >= MAX_ATTRS || tag.attrs.iter().any(|(k, _)| *k == name)
    {
        return;
    }
    tag.attrs.push((name, value));
}

// ---------------------------------------------------------------------------------------
// Element tables
// ---------------------------------------------------------------------------------------

fn is_ws_byte(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\r' | 0x0C)
}

fn find_byte(b: &[u8], from: usize, needle: u8) -> Option<usize> {
    b.get(from..)
        .and_then(|s| s.iter().position(|&c| c == needle))
        .map(|p| from + p)
}

/// Characters that carry no text: soft hyphen, zero-width space, BOM, controls.
fn is_invisible(c: char) -> bool {
    matches!(c, '\u{AD}' | '\u{200B}' | '\u{2060}' | '\u{FEFF}') || c.is_control()
}

fn is_heading(name: &str) -> bool {
    matches!(name, "h1" | "h2" | "h3" | "h4" | "h5" | "h6")
}

fn is_void(name: &str) -> bool {
    matches!(
        name,
        "area"
            | "base"
            | "basefont"
            | "bgsound"
            | "br"
            | "col"
            | "embed"
            | "frame"
            | "hr"
            | "img"
            | "image"
            | "input"
            | "keygen"
            | "link"
            | "meta"
            | "param"
            | "source"
            | "track"
            | "wbr"
    )
}

fn belongs_in_head(name: &str) -> bool {
    matches!(
        name,
        "title"
            | "base"
            | "basefont"
            | "bgsound"
            | "link"
            | "meta"
            | "style"
            | "script"
            | "noscript"
            | "template"
            | "html"
            | "head"
    )
}

/// Elements whose content is never article text.
fn is_hard_tag(name: &str) -> bool {
    matches!(
        name,
        "head"
            | "nav"
            | "footer"
            | "aside"
            | "button"
            | "noscript"
            | "svg"
            | "math"
            | "template"
            | "select"
            | "dialog"
            | "menu"
            | "object"
            | "canvas"
            | "video"
            | "audio"
            | "map"
            | "datalist"
    )
}

fn is_hard_role(role: &str) -> bool {
    matches!(
        role,
        "navigation"
            | "search"
            | "menu"
            | "menubar"
            | "dialog"
            | "alertdialog"
            | "complementary"
            | "contentinfo"
            | "toolbar"
    )
}

fn break_kind(name: &str) -> Option<Brk> {
    match name {
        "br" => Some(Brk::Br),
        "li" | "dt" | "dd" | "tr" | "option" => Some(Brk::Line),
        "td" | "th" => Some(Brk::Space),
        "address" | "article" | "aside" | "blockquote" | "body" | "caption" | "center"
        | "details" | "dialog" | "dir" | "div" | "dl" | "fieldset" | "figcaption" | "figure"
        | "footer" | "form" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "header" | "hgroup"
        | "hr" | "html" | "legend" | "listing" | "main" | "menu" | "nav" | "noscript" | "ol"
        | "p" | "pre" | "search" | "section" | "summary" | "table" | "ul" | "xmp" => {
            Some(Brk::Para)
        }
        _ => None,
    }
}

/// Start tags that close an open `<p>`.
fn closes_p(name: &str) -> bool {
    matches!(
        name,
        "address"
            | "article"
            | "aside"
            | "blockquote"
            | "center"
            | "details"
            | "dialog"
            | "dir"
            | "div"
            | "dl"
            | "dd"
            | "dt"
            | "fieldset"
            | "figcaption"
            | "figure"
            | "footer"
            | "form"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "header"
            | "hgroup"
            | "hr"
            | "li"
            | "listing"
            | "main"
            | "menu"
            | "nav"
            | "ol"
            | "p"
            | "pre"
            | "search"
            | "section"
            | "summary"
            | "table"
            | "ul"
            | "xmp"
    )
}

/// The HTML "special" category, used as the limit of `<li>` / `<dd>` implicit closes.
fn is_special(name: &str) -> bool {
    is_heading(name)
        || matches!(
            name,
            "address"
                | "applet"
                | "area"
                | "article"
                | "aside"
                | "base"
                | "blockquote"
                | "body"
                | "br"
                | "button"
                | "caption"
                | "center"
                | "col"
                | "colgroup"
                | "dd"
                | "details"
                | "dir"
                | "div"
                | "dl"
                | "dt"
                | "embed"
                | "fieldset"
                | "figcaption"
                | "figure"
                | "footer"
                | "form"
                | "frame"
                | "frameset"
                | "head"
                | "header"
                | "hgroup"
                | "hr"
                | "html"
                | "iframe"
                | "img"
                | "input"
                | "li"
                | "link"
                | "listing"
                | "main"
                | "marquee"
                | "menu"
                | "meta"
                | "nav"
                | "noembed"
                | "noframes"
                | "noscript"
                | "object"
                | "ol"
                | "p"
                | "param"
                | "plaintext"
                | "pre"
                | "script"
                | "search"
                | "section"
                | "select"
                | "source"
                | "style"
                | "summary"
                | "table"
                | "tbody"
                | "td"
                | "template"
                | "textarea"
                | "tfoot"
                | "th"
                | "thead"
                | "title"
                | "tr"
                | "track"
                | "ul"
                | "wbr"
                | "xmp"
        )
}

/// What class and id names say about an element.
#[derive(Debug, Default, Clone, Copy)]
struct ClassSignals {
    /// Looks like the article body ("article-body", "entry-content", "story", ...).
    marker: bool,
    /// Looks like boilerplate (cookie banner, share bar, related links, ads, ...).
    boilerplate: bool,
}

/// Substrings of a class or id naming the article body.
const BODY_MARKERS: &[&str] = &[
    "article-body",
    "article__body",
    "article_body",
    "articlebody",
    "article-content",
    "article__content",
    "article-text",
    "article_text",
    "post-content",
    "post_content",
    "post-body",
    "entry-content",
    "entry_content",
    "entry-body",
    "story",
];

/// Class/id words (split on anything not alphanumeric) naming boilerplate.
const BOILERPLATE_WORDS: &[&str] = &[
    "ad",
    "ads",
    "adv",
    "banner",
    "cmp",
    "comment",
    "comments",
    "commenti",
    "consent",
    "disqus",
    "footer",
    "gdpr",
    "masthead",
    "menu",
    "modal",
    "nav",
    "navbar",
    "navigation",
    "outbrain",
    "popup",
    "taboola",
    "toolbar",
    "widget",
    "pubblicita",
    "correlati",
    "condividi",
    "iscriviti",
    "werbung",
    "anzeige",
    "teilen",
    "partage",
    "publicite",
    "publicidad",
    "compartir",
    "relacionados",
];

/// Class/id word beginnings naming boilerplate.
const BOILERPLATE_PREFIXES: &[&str] = &[
    "advert",
    "breadcrumb",
    "cookie",
    "didomi",
    "iubenda",
    "newsletter",
    "onetrust",
    "paywall",
    "promo",
    "related",
    "share",
    "sharing",
    "sidebar",
    "social",
    "sponsor",
    "subscri",
];

/// Whole class names meaning "not shown".
const HIDDEN_CLASSES: &[&str] = &[
    "hidden",
    "d-none",
    "sr-only",
    "visually-hidden",
    "visuallyhidden",
    "screen-reader-text",
];

fn class_signals(class: &str, id: &str, in_content: bool) -> ClassSignals {
    let mut signals = ClassSignals::default();
    for name in class
        .split_ascii_whitespace()
        .chain(id.split_ascii_whitespace())
    {
        let boilerplate = HIDDEN_CLASSES.contains(&name)
            || name
                .split(|c: char| !c.is_ascii_alphanumeric())
                .any(|word| {
                    BOILERPLATE_WORDS.contains(&word)
                        || BOILERPLATE_PREFIXES.iter().any(|p| word.starts_with(p))
                        || (word == "header" && !in_content)
                });
        if boilerplate {
            signals.boilerplate = true;
        } else if BODY_MARKERS.iter().any(|m| name.contains(m)) {
            signals.marker = true;
        }
    }
    if signals.marker {
        signals.boilerplate = false;
    }
    signals
}

// ---------------------------------------------------------------------------------------
// Metadata helpers
// ---------------------------------------------------------------------------------------

/// Collapses whitespace; `None` if nothing is left.
fn clean_inline(s: &str) -> Option<String> {
    let mut out = String::with_capacity(s.len());
    for word in s.split_whitespace() {
        let word: String = word.chars().filter(|c| !is_invisible(*c)).collect();
        if word.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&word);
    }
    (!out.is_empty()).then_some(out)
}

fn same_text(a: &str, b: &str) -> bool {
    a.chars()
        .flat_map(char::to_lowercase)
        .eq(b.chars().flat_map(char::to_lowercase))
}

/// "Title | Site" -> "Title" (also " - ", " – ", " — ", " :: ", " · ", " » ").
fn strip_site_suffix(title: &str) -> Option<&str> {
    const SEPARATORS: &[&str] = &[" | ", " - ", " – ", " — ", " :: ", " · ", " » "];
    let cut = SEPARATORS.iter().filter_map(|s| title.rfind(s)).max()?;
    let head = title.get(..cut)?.trim();
    (!head.is_empty()).then_some(head)
}

fn choose_title(
    og: Option<String>,
    h1: Option<String>,
    twitter: Option<String>,
    headline: Option<String>,
    page: Option<String>,
) -> Option<String> {
    let candidates = [og, h1, twitter, headline, page];
    let pick = candidates.iter().flatten().next()?;
    if let Some(stripped) = strip_site_suffix(pick) {
        let confirmed = candidates
            .iter()
            .flatten()
            .any(|other| !std::ptr::eq(other, pick) && same_text(other, stripped));
        if confirmed {
            return Some(stripped.to_string());
        }
    }
    Some(pick.clone())
}

/// "it-IT" / "uk_UA" / "EN" -> "it" / "uk" / "en"; `None` unless 2-3 ASCII letters.
fn primary_subtag(tag: &str) -> Option<String> {
    let first = tag.trim().split(['-', '_', ',', ';', ' ']).next()?;
    ((2..=3).contains(&first.len()) && first.bytes().all(|c| c.is_ascii_alphabetic()))
        .then(|| first.to_ascii_lowercase())
}

#[derive(Debug, Default)]
struct JsonLdInfo {
    /// datePublished of an Article-like object.
    article_date: Option<String>,
    /// datePublished of anything else.
    any_date: Option<String>,
    headline: Option<String>,
}

fn scan_jsonld(raw: &str, info: &mut JsonLdInfo, warnings: &mut Vec<String>) {
    let cleaned = strip_jsonld_wrappers(raw);
    if cleaned.is_empty() {
        return;
    }
    let mut values = parse_json_stream(cleaned);
    if values.is_empty() {
        values = parse_json_stream(&relax_json(cleaned));
    }
    if values.is_empty() {
        let found = scan_date_published(cleaned);
        let note = if found.is_some() {
            "JSON-LD block is not valid JSON; datePublished read from its text"
        } else {
            "JSON-LD block is not valid JSON; ignored"
        };
        if warnings.len() < MAX_WARNINGS && !warnings.iter().any(|w| w == note) {
            warnings.push(note.to_string());
        }
        if info.any_date.is_none() {
            info.any_date = found;
        }
        return;
    }
    for v in &values {
        walk_jsonld(v, info, 0);
    }
}

fn strip_jsonld_wrappers(raw: &str) -> &str {
    let mut s = raw.trim();
    for prefix in ["//<![CDATA[", "<![CDATA[", "<!--"] {
        s = s.strip_prefix(prefix).unwrap_or(s).trim_start();
    }
    for suffix in ["//]]>", "]]>", "-->"] {
        s = s.strip_suffix(suffix).unwrap_or(s).trim_end();
    }
    s
}

/// Every JSON value in `s`, one after another, up to the first error.
fn parse_json_stream(s: &str) -> Vec<Value> {
    serde_json::Deserializer::from_str(s)
        .into_iter::<Value>()
        .map_while(Result::ok)
        .collect()
}

/// Common breakage in hand-written JSON-LD: raw newlines/tabs inside strings, trailing commas.
fn relax_json(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut in_string = false;
    let mut escaped = false;
    for (i, c) in s.char_indices() {
        if in_string {
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_string = false;
            }
            out.push(if c.is_control() { ' ' } else { c });
            continue;
        }
        match c {
            '"' => {
                in_string = true;
                out.push(c);
            }
            ',' => {
                let rest = s.get(i + 1..).unwrap_or("").trim_start();
                if !(rest.starts_with('}') || rest.starts_with(']')) {
                    out.push(c);
                }
            }
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// Last resort for JSON that will not parse: `"datePublished" : "..."` read as text.
fn scan_date_published(s: &str) -> Option<String> {
    let key = "\"datePublished\"";
    let at = s.find(key)?;
    let rest = s.get(at + key.len()..)?.trim_start();
    let rest = rest.strip_prefix(':')?.trim_start();
    let rest = rest.strip_prefix('"')?;
    let end = rest.find('"')?;
    let value = rest.get(..end)?.trim();
    (!value.is_empty() && value.chars().count() <= MAX_DATE_CHARS).then(|| value.to_string())
}

fn walk_jsonld(v: &Value, info: &mut JsonLdInfo, depth: usize) {
    if depth > MAX_JSON_DEPTH {
        return;
    }
    match v {
        Value::Array(items) => {
            for item in items {
                walk_jsonld(item, info, depth + 1);
            }
        }
        Value::Object(map) => {
            let article = map.get("@type").is_some_and(is_article_type);
            if let Some(date) = map.get("datePublished").and_then(first_string) {
                if article {
                    info.article_date.get_or_insert(date);
                } else {
                    info.any_date.get_or_insert(date);
                }
            }
            if article
                && info.headline.is_none()
                && let Some(h) = map.get("headline").and_then(first_string)
            {
                info.headline = Some(h);
            }
            for (key, child) in map {
                if matches!(child, Value::Array(_) | Value::Object(_)) && key != "datePublished" {
                    walk_jsonld(child, info, depth + 1);
                }
            }
        }
        _ => {}
    }
}

fn is_article_type(t: &Value) -> bool {
    let matches = |s: &str| {
        let s = s.to_ascii_lowercase();
        s.contains("article") || s.contains("posting") || s.contains("report")
    };
    match t {
        Value::String(s) => matches(s),
        Value::Array(items) => items.iter().any(|i| i.as_str().is_some_and(matches)),
        _ => false,
    }
}

fn first_string(v: &Value) -> Option<String> {
    let s = match v {
        Value::String(s) => s.as_str(),
        Value::Array(items) => items.iter().find_map(Value::as_str)?,
        _ => return None,
    };
    let s = s.trim();
    (!s.is_empty()).then(|| s.to_string())
}

// ---------------------------------------------------------------------------------------
// Character references
// ---------------------------------------------------------------------------------------

/// Appends `s` to `out` with character references decoded.
///
/// In attributes, a legacy reference without `;` followed by a letter, digit or `=` is
/// left alone (`?a=1&copy=2` stays as it is), as browsers do.
fn decode_entities_into(out: &mut String, s: &str, in_attr: bool) {
    let b = s.as_bytes();
    let mut copied = 0usize;
    let mut i = 0usize;
    while let Some(amp) = find_byte(b, i, b'&') {
        match parse_reference(b, amp + 1, in_attr) {
            Some((c, end)) => {
                out.push_str(s.get(copied..amp).unwrap_or(""));
                out.push(c);
                copied = end;
                i = end;
            }
            None => i = amp + 1,
        }
    }
    out.push_str(s.get(copied..).unwrap_or(""));
}

/// Named references accepted without the closing `;`.
const LEGACY_NO_SEMICOLON: &[&str] = &["amp", "lt", "gt", "quot", "nbsp", "copy", "reg"];

/// Reads the reference after a `&` at `start - 1`: (character, end position).
fn parse_reference(b: &[u8], start: usize, in_attr: bool) -> Option<(char, usize)> {
    match b.get(start).copied() {
        Some(b'#') => {
            let (radix, digits_from) = match b.get(start + 1) {
                Some(b'x' | b'X') => (16u32, start + 2),
                _ => (10u32, start + 1),
            };
            let mut i = digits_from;
            let mut value: u32 = 0;
            while let Some(d) = b.get(i).and_then(|&c| char::from(c).to_digit(radix)) {
                value = value.saturating_mul(radix).saturating_add(d).min(0x11_0000);
                i += 1;
            }
            if i == digits_from {
                return None;
            }
            if b.get(i) == Some(&b';') {
                i += 1;
            }
            Some((numeric_reference(value), i))
        }
        Some(c) if c.is_ascii_alphabetic() => {
            let mut i = start;
            while i - start <= 32 && b.get(i).is_some_and(u8::is_ascii_alphanumeric) {
                i += 1;
            }
            let name = std::str::from_utf8(b.get(start..i)?).ok()?;
            if b.get(i) == Some(&b';') {
                return named_entity(name).map(|c| (c, i + 1));
            }
            if !LEGACY_NO_SEMICOLON.contains(&name) {
                return None;
            }
            if in_attr
                && b.get(i)
                    .is_some_and(|&c| c.is_ascii_alphanumeric() || c == b'=')
            {
                return None;
            }
            named_entity(name).map(|c| (c, i))
        }
        _ => None,
    }
}

/// A numeric reference's character: windows-1252 for 0x80-0x9F (as browsers do),
/// U+FFFD for NUL, surrogates, controls and anything past U+10FFFF.
fn numeric_reference(value: u32) -> char {
    const CP1252: [u32; 32] = [
        0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
        0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD, 0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
        0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178,
    ];
    let value = match value {
        0x80..=0x9F => CP1252
            .get((value - 0x80) as usize)
            .copied()
            .unwrap_or(0xFFFD),
        0x09 | 0x0A | 0x0C | 0x0D => value,
        0..=0x1F | 0x7F => 0xFFFD,
        v => v,
    };
    char::from_u32(value).unwrap_or('\u{FFFD}')
}

/// Latin-1 named references, U+00A0 to U+00FF in order.
const LATIN1_NAMES: [&str; 96] = [
    "nbsp", "iexcl", "cent", "pound", "curren", "yen", "brvbar", "sect", "uml", "copy", "ordf",
    "laquo", "not", "shy", "reg", "macr", "deg", "plusmn", "sup2", "sup3", "acute", "micro",
    "para", "middot", "cedil", "sup1", "ordm", "raquo", "frac14", "frac12", "frac34", "iquest",
    "Agrave", "Aacute", "Acirc", "Atilde", "Auml", "Aring", "AElig", "Ccedil", "Egrave", "Eacute",
    "Ecirc", "Euml", "Igrave", "Iacute", "Icirc", "Iuml", "ETH", "Ntilde", "Ograve", "Oacute",
    "Ocirc", "Otilde", "Ouml", "times", "Oslash", "Ugrave", "Uacute", "Ucirc", "Uuml", "Yacute",
    "THORN", "szlig", "agrave", "aacute", "acirc", "atilde", "auml", "aring", "aelig", "ccedil",
    "egrave", "eacute", "ecirc", "euml", "igrave", "iacute", "icirc", "iuml", "eth", "ntilde",
    "ograve", "oacute", "ocirc", "otilde", "ouml", "divide", "oslash", "ugrave", "uacute", "ucirc",
    "uuml", "yacute", "thorn", "yuml",
];

/// Other named references: punctuation, typography, Latin Extended, Greek, arrows, maths.
const OTHER_ENTITIES: &[(&str, char)] = &[
    ("amp", '&'),
    ("lt", '<'),
    ("gt", '>'),
    ("quot", '"'),
    ("apos", '\''),
    ("OElig", 'Œ'),
    ("oelig", 'œ'),
    ("Scaron", 'Š'),
    ("scaron", 'š'),
    ("Yuml", 'Ÿ'),
    ("Zcaron", 'Ž'),
    ("zcaron", 'ž'),
    ("Ccaron", 'Č'),
    ("ccaron", 'č'),
    ("ecaron", 'ě'),
    ("rcaron", 'ř'),
    ("Lstrok", 'Ł'),
    ("lstrok", 'ł'),
    ("Sacute", 'Ś'),
    ("sacute", 'ś'),
    ("nacute", 'ń'),
    ("zacute", 'ź'),
    ("zdot", 'ż'),
    ("aogon", 'ą'),
    ("eogon", 'ę'),
    ("inodot", 'ı'),
    ("imath", 'ı'),
    ("fnof", 'ƒ'),
    ("circ", 'ˆ'),
    ("tilde", '˜'),
    ("ensp", '\u{2002}'),
    ("emsp", '\u{2003}'),
    ("thinsp", '\u{2009}'),
    ("zwnj", '\u{200C}'),
    ("zwj", '\u{200D}'),
    ("lrm", '\u{200E}'),
    ("rlm", '\u{200F}'),
    ("hyphen", '‐'),
    ("dash", '‐'),
    ("ndash", '–'),
    ("mdash", '—'),
    ("horbar", '―'),
    ("lsquo", '‘'),
    ("rsquo", '’'),
    ("rsquor", '’'),
    ("sbquo", '‚'),
    ("ldquo", '“'),
    ("rdquo", '”'),
    ("rdquor", '”'),
    ("bdquo", '„'),
    ("dagger", '†'),
    ("Dagger", '‡'),
    ("bull", '•'),
    ("bullet", '•'),
    ("hellip", '…'),
    ("mldr", '…'),
    ("permil", '‰'),
    ("prime", '′'),
    ("Prime", '″'),
    ("lsaquo", '‹'),
    ("rsaquo", '›'),
    ("oline", '‾'),
    ("frasl", '⁄'),
    ("euro", '€'),
    ("trade", '™'),
    ("TRADE", '™'),
    ("COPY", '©'),
    ("REG", '®'),
    ("AMP", '&'),
    ("LT", '<'),
    ("GT", '>'),
    ("QUOT", '"'),
    ("half", '½'),
    ("centerdot", '·'),
    ("larr", '←'),
    ("uarr", '↑'),
    ("rarr", '→'),
    ("darr", '↓'),
    ("harr", '↔'),
    ("minus", '−'),
    ("plusmn", '±'),
    ("le", '≤'),
    ("ge", '≥'),
    ("ne", '≠'),
    ("asymp", '≈'),
    ("infin", '∞'),
    ("deg", '°'),
    ("numero", '№'),
    ("NewLine", '\n'),
    ("Tab", '\t'),
    ("nbsp", '\u{A0}'),
    ("colon", ':'),
    ("comma", ','),
    ("period", '.'),
    ("excl", '!'),
    ("quest", '?'),
    ("num", '#'),
    ("dollar", '$'),
    ("percnt", '%'),
    ("lpar", '('),
    ("rpar", ')'),
    ("ast", '*'),
    ("plus", '+'),
    ("sol", '/'),
    ("bsol", '\\'),
    ("semi", ';'),
    ("equals", '='),
    ("commat", '@'),
    ("lsqb", '['),
    ("rsqb", ']'),
    ("lowbar", '_'),
    ("grave", '`'),
    ("lcub", '{'),
    ("rcub", '}'),
    ("verbar", '|'),
    ("vert", '|'),
    ("Hat", '^'),
    ("Alpha", 'Α'),
    ("Beta", 'Β'),
    ("Gamma", 'Γ'),
    ("Delta", 'Δ'),
    ("Epsilon", 'Ε'),
    ("Zeta", 'Ζ'),
    ("Eta", 'Η'),
    ("Theta", 'Θ'),
    ("Iota", 'Ι'),
    ("Kappa", 'Κ'),
    ("Lambda", 'Λ'),
    ("Mu", 'Μ'),
    ("Nu", 'Ν'),
    ("Xi", 'Ξ'),
    ("Omicron", 'Ο'),
    ("Pi", 'Π'),
    ("Rho", 'Ρ'),
    ("Sigma", 'Σ'),
    ("Tau", 'Τ'),
    ("Upsilon", 'Υ'),
    ("Phi", 'Φ'),
    ("Chi", 'Χ'),
    ("Psi", 'Ψ'),
    ("Omega", 'Ω'),
    ("alpha", 'α'),
    ("beta", 'β'),
    ("gamma", 'γ'),
    ("delta", 'δ'),
    ("epsilon", 'ε'),
    ("zeta", 'ζ'),
    ("eta", 'η'),
    ("theta", 'θ'),
    ("iota", 'ι'),
    ("kappa", 'κ'),
    ("lambda", 'λ'),
    ("mu", 'μ'),
    ("nu", 'ν'),
    ("xi", 'ξ'),
    ("omicron", 'ο'),
    ("pi", 'π'),
    ("rho", 'ρ'),
    ("sigmaf", 'ς'),
    ("sigma", 'σ'),
    ("tau", 'τ'),
    ("upsilon", 'υ'),
    ("phi", 'φ'),
    ("chi", 'χ'),
    ("psi", 'ψ'),
    ("omega", 'ω'),
];

/// The character a named character reference (`amp`, `eacute`, ...) stands for.
pub(crate) fn named_entity(name: &str) -> Option<char> {
    static TABLE: OnceLock<HashMap<&'static str, char>> = OnceLock::new();
    TABLE
        .get_or_init(|| {
            let mut table: HashMap<&'static str, char> = LATIN1_NAMES
                .iter()
                .zip(0xA0u32..)
                .filter_map(|(name, cp)| char::from_u32(cp).map(|c| (*name, c)))
                .collect();
            table.extend(OTHER_ENTITIES.iter().copied());
            table
        })
        .get(name)
        .copied()
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::panic)]
mod tests {
    use super::*;

    const ITALIAN_PAGE: &str = r#"<!DOCTYPE html>
<html lang="it-IT">
<head>
<meta charset="utf-8">
<title>Putin e Kim firmano il trattato | Il Quotidiano</title>
<meta property="og:title" content="Putin e Kim firmano il trattato | Il Quotidiano">
<meta property="og:locale" content="it_IT">
<meta property="article:published_time" content="2025-10-28T09:00:00+01:00">
<style>body { color: red; } .cookie { display: block }</style>
<script>window.dataLayer = [{"page": "articolo <p>non testo</p>"}];</script>
<script type="application/ld+json">
{"@context": "https://schema.org", "@graph": [
  {"@type": "WebSite", "name": "Il Quotidiano", "datePublished": "2001-01-01"},
  {"@type": "BreadcrumbList", "itemListElement": []},
  {"@type": ["NewsArticle"], "headline": "Putin e Kim firmano il trattato",
   "datePublished": "2025-10-28T11:48:00+01:00", "dateModified": "2025-10-29T08:00:00+01:00"}
]}
</script>
</head>
<body class="home page">
<div id="cookie-banner" class="cookie-consent">Questo sito usa i cookie. <button>Accetta</button></div>
<header class="site-header"><div class="logo"><h1>Il Quotidiano</h1></div>
  <nav><ul><li><a href="/">Home</a></li><li><a href="/mondo">Mondo</a></li><li><a href="/politica">Politica</a></li></ul></nav>
</header>
<main>
<article class="post">
  <header class="entry-header">
    <h1 class="entry-title">Putin e Kim firmano il trattato</h1>
    <p class="byline">di Mario Rossi &mdash; <time datetime="2025-10-28T11:48">28 ottobre 2025</time></p>
  </header>
  <div class="social-share"><a href="/s/fb">Condividi su Facebook</a> <a href="/s/tw">Twitter</a></div>
  <div class="entry-content">
    <p>A giugno dell&#8217;anno scorso Vladimir Putin e Kim Jong Un hanno firmato a Pyongyang un trattato di
       partenariato strategico globale, che prevede l&rsquo;assistenza militare reciproca.</p>
    <p>Secondo l&#x2019;intelligence sudcoreana, pi&ugrave; di 10.000 soldati nordcoreani sono stati
       schierati nella regione di Kursk &laquo;entro la fine di ottobre&raquo;.</p>
    <figure><img src="x.jpg" alt="foto"><figcaption>Putin e Kim a Pyongyang</figcaption></figure>
    <h2>Le reazioni</h2>
    <p>Il ministro degli Esteri ha convocato l&apos;ambasciatore &hellip; e la NATO ha espresso &ldquo;grave preoccupazione&rdquo;.</p>
  </div>
  <aside class="related"><h3>Leggi anche</h3><ul><li>Un altro articolo</li></ul></aside>
  <footer class="entry-footer">Tag: Russia, Corea del Nord</footer>
</article>
</main>
<aside id="sidebar"><h3>I più letti</h3><p>Altro contenuto</p></aside>
<footer id="colophon"><p>&copy; 2025 Il Quotidiano &ndash; P.IVA 0123456789</p><form><input name="q"><button>Cerca</button></form></footer>
<script>console.log("fine");</script>
</body>
</html>"#;

    #[test]
    fn italian_news_page_main_text() {
        let doc = html_to_text(ITALIAN_PAGE);
        let text = &doc.text;
        assert!(
            text.starts_with("Putin e Kim firmano il trattato\n\n"),
            "{text}"
        );
        assert!(text.contains("A giugno dell’anno scorso Vladimir Putin e Kim Jong Un hanno firmato a Pyongyang un trattato di partenariato strategico globale, che prevede l’assistenza militare reciproca.\n\n"), "{text}");
        assert!(text.contains("Secondo l’intelligence sudcoreana, più di 10.000 soldati nordcoreani sono stati schierati nella regione di Kursk «entro la fine di ottobre»."), "{text}");
        assert!(text.contains("\n\nLe reazioni\n\n"), "{text}");
        assert!(text.contains("l'ambasciatore … e la NATO ha espresso “grave preoccupazione”."));
        assert!(
            text.contains("Putin e Kim a Pyongyang"),
            "figure captions stay"
        );
        assert!(text.contains("di Mario Rossi — 28 ottobre 2025"), "{text}");
        for junk in [
            "cookie",
            "Accetta",
            "Home",
            "Mondo",
            "Il Quotidiano",
            "Condividi",
            "Leggi anche",
            "Tag:",
            "più letti",
            "P.IVA",
            "Cerca",
            "dataLayer",
            "color",
            "console",
            "non testo",
            "schema.org",
            "foto",
        ] {
            assert!(!text.contains(junk), "{junk:?} leaked into {text}");
        }
        assert!(doc.warnings.is_empty(), "{:?}", doc.warnings);
    }

    #[test]
    fn italian_news_page_metadata() {
        let doc = html_to_text(ITALIAN_PAGE);
        assert_eq!(
            doc.title.as_deref(),
            Some("Putin e Kim firmano il trattato")
        );
        assert_eq!(doc.published.as_deref(), Some("2025-10-28T11:48:00+01:00"));
        assert_eq!(doc.lang.as_deref(), Some("it"));
    }

    const ENGLISH_PAGE: &str = r#"<html lang="en-GB"><head>
<title>Troops deployed near the border - The Daily Wire Service</title>
<meta name="description" content="Short summary">
<meta property="article:published_time" content="2025-11-08T07:30:00Z">
<meta name="pubdate" content="20251107">
</head><body>
<div class="top-bar"><a href="/login">Sign in</a> | <a href="/subscribe">Subscribe</a></div>
<nav class="main-nav">World Politics Business Sport</nav>
<main id="content">
<h1>Troops deployed near the border</h1>
<div class="share-tools"><button>Share</button><a>Email</a></div>
<p>LONDON, Nov 8 (Reuters) &ndash; North Korea has sent around 10,000 troops to Russia, U.S. officials said on Friday,
the first large deployment of its forces abroad in decades.</p>
<p>The soldiers were moved by train to the Russian Far East in early October and later to the Kursk region.</p>
<ul><li>First item<li>Second item</ul>
<div class="newsletter-signup"><p>Get our newsletter every morning!</p></div>
</main>
<footer><p>All quotes delayed a minimum of 15 minutes.</p></footer>
</body></html>"#;

    #[test]
    fn english_page_uses_main_and_strips_title_suffix() {
        let doc = html_to_text(ENGLISH_PAGE);
        assert_eq!(
            doc.title.as_deref(),
            Some("Troops deployed near the border")
        );
        assert_eq!(doc.published.as_deref(), Some("2025-11-08T07:30:00Z"));
        assert_eq!(doc.lang.as_deref(), Some("en"));
        let text = &doc.text;
        assert!(text.starts_with("Troops deployed near the border\n\nLONDON, Nov 8 (Reuters) – North Korea has sent around 10,000 troops to Russia, U.S. officials said on Friday, the first large deployment"), "{text}");
        assert!(text.contains("\n\nFirst item\nSecond item"), "{text}");
        for junk in [
            "Sign in",
            "Subscribe",
            "World Politics",
            "Share",
            "Email",
            "newsletter",
            "quotes delayed",
        ] {
            assert!(!text.contains(junk), "{junk:?} leaked into {text}");
        }
    }

    const UKRAINIAN_PAGE: &str = r#"<!doctype html><html lang="uk-UA"><head>
<meta name="pubdate" content="2025-11-03 14:20">
<meta property="og:title" content="Північна Корея відправила війська до Росії">
<title>Північна Корея відправила війська до Росії — Новини</title></head>
<body><div class="menu"><a>Головна</a> <a>Світ</a></div>
<div class="container"><div class="col">
<h1>Північна Корея відправила війська до Росії</h1>
<div itemprop="articleBody">
<p>За даними розвідки, понад 10&nbsp;000 військових КНДР перебувають у Курській області.</p>
<p>Міністр оборони заявив, що це &laquo;серйозна загроза&raquo; для регіону.</p>
</div>
<div class="related-news"><a>Інші новини дня</a></div>
</div></div>
<div class="footer">© Новини</div>
</body></html>"#;

    #[test]
    fn ukrainian_page_uses_article_body_marker() {
        let doc = html_to_text(UKRAINIAN_PAGE);
        assert_eq!(doc.lang.as_deref(), Some("uk"));
        assert_eq!(doc.published.as_deref(), Some("2025-11-03 14:20"));
        assert_eq!(
            doc.title.as_deref(),
            Some("Північна Корея відправила війська до Росії")
        );
        assert_eq!(
            doc.text,
            "За даними розвідки, понад 10 000 військових КНДР перебувають у Курській області.\n\n\
             Міністр оборони заявив, що це «серйозна загроза» для регіону."
        );
    }

    fn page_with_head(head: &str, body: &str) -> String {
        format!("<html><head>{head}</head><body>{body}</body></html>")
    }

    #[test]
    fn published_prefers_jsonld_then_meta_in_order() {
        let body = "<article><p>Testo.</p><time datetime=\"2020-01-01\">1 gennaio</time></article>";
        let metas = [
            ("<meta name=\"parsely-pub-date\" content=\"P8\">", "P8"),
            ("<meta name=\"sailthru.date\" content=\"P7\">", "P7"),
            ("<meta name=\"DC.date.issued\" content=\"P6\">", "P6"),
            ("<meta name=\"dc.date\" content=\"P5\">", "P5"),
            ("<meta name=\"date\" content=\"P4\">", "P4"),
            ("<meta name=\"publishdate\" content=\"P3\">", "P3"),
            ("<meta name=\"pubdate\" content=\"P2\">", "P2"),
            (
                "<meta property=\"article:published_time\" content=\"P1\">",
                "P1",
            ),
            (
                "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"datePublished\":\"P0\"}</script>",
                "P0",
            ),
        ];
        let mut head = String::new();
        for (tag, expected) in metas {
            head.insert_str(0, tag);
            let doc = html_to_text(&page_with_head(&head, body));
            assert_eq!(doc.published.as_deref(), Some(expected), "head: {head}");
        }
    }

    #[test]
    fn published_from_itemprop_then_time_in_article() {
        let doc = html_to_text(
            "<body><article><p>Testo <span itemprop=\"datePublished\" content=\"2025-10-28\">ieri</span></p></article></body>",
        );
        assert_eq!(doc.published.as_deref(), Some("2025-10-28"));

        let doc = html_to_text(
            "<body><article><p>Pubblicato il <span itemprop=\"datePublished\">28 Ottobre 2025 11:48</span></p></article></body>",
        );
        assert_eq!(doc.published.as_deref(), Some("28 Ottobre 2025 11:48"));

        let doc = html_to_text(
            "<body><aside><time datetime=\"2019-05-05\">vecchio</time></aside>\
             <div class=\"top\"><time datetime=\"2024-02-02\">oggi</time></div>\
             <article><p>Testo dell'articolo.</p><time datetime=\"2025-10-28T11:48\">28 ottobre</time></article></body>",
        );
        assert_eq!(doc.published.as_deref(), Some("2025-10-28T11:48"));

        // No time inside the article: the first visible one elsewhere, never one in an aside.
        let doc = html_to_text(
            "<body><aside><time datetime=\"2019-05-05\">vecchio</time></aside>\
             <div class=\"top\"><time datetime=\"2024-02-02\">oggi</time></div>\
             <article><p>Testo dell'articolo.</p></article></body>",
        );
        assert_eq!(doc.published.as_deref(), Some("2024-02-02"));
    }

    #[test]
    fn jsonld_article_date_beats_other_types_and_nested_objects_are_found() {
        let json = r#"<script type="application/ld+json">[
            {"@type": "WebPage", "datePublished": "2000-01-01",
             "mainEntity": {"@type": "ReportageNewsArticle", "datePublished": "2025-10-28"}}
        ]</script>"#;
        let doc = html_to_text(&page_with_head(json, "<p>x</p>"));
        assert_eq!(doc.published.as_deref(), Some("2025-10-28"));

        let json = r#"<script type="application/ld+json">{"@type": "WebPage", "datePublished": ["2024-06-19", "x"]}</script>"#;
        let doc = html_to_text(&page_with_head(json, "<p>x</p>"));
        assert_eq!(doc.published.as_deref(), Some("2024-06-19"));
    }

    #[test]
    fn broken_jsonld_is_tolerated() {
        // Raw newline inside a string and a trailing comma: repaired and parsed.
        let json = "<script type=\"application/ld+json\">\n<!--\n{\"@type\": \"NewsArticle\", \"headline\": \"Riga uno\nriga due\", \"datePublished\": \"2025-10-28T11:48\",}\n-->\n</script>";
        let doc = html_to_text(&page_with_head(json, "<p>x</p>"));
        assert_eq!(doc.published.as_deref(), Some("2025-10-28T11:48"));
        assert!(doc.warnings.is_empty(), "{:?}", doc.warnings);

        // Hopeless JSON: the date is still read from the text, with a warning.
        let json = "<script type=\"application/ld+json\">{\"@type\": NewsArticle, \"datePublished\": \"2025-10-27\" ,, }}}</script>";
        let doc = html_to_text(&page_with_head(json, "<p>x</p>"));
        assert_eq!(doc.published.as_deref(), Some("2025-10-27"));
        assert_eq!(doc.warnings.len(), 1, "{:?}", doc.warnings);

        let json = "<script type=\"application/ld+json\">{{{{[[[[</script>";
        let doc = html_to_text(&page_with_head(json, "<p>x</p>"));
        assert_eq!(doc.published, None);
        assert!(doc.warnings[0].contains("JSON-LD"), "{:?}", doc.warnings);
        assert_eq!(doc.text, "x");
    }

    #[test]
    fn jsonld_nested_too_deep_does_not_crash() {
        let deep = format!(
            "<script type=\"application/ld+json\">{}{}</script>",
            "[".repeat(100_000),
            "]".repeat(100_000)
        );
        let doc = html_to_text(&page_with_head(&deep, "<p>ok</p>"));
        assert_eq!(doc.text, "ok");
        assert_eq!(doc.published, None);
    }

    #[test]
    fn title_rules() {
        // Only <title>: kept whole, nothing confirms the suffix is a site name.
        let doc = html_to_text("<title>Kim a Mosca | Il Sito</title><p>x</p>");
        assert_eq!(doc.title.as_deref(), Some("Kim a Mosca | Il Sito"));
        // h1 confirms.
        let doc = html_to_text("<title>Kim a Mosca | Il Sito</title><h1>Kim a Mosca</h1>");
        assert_eq!(doc.title.as_deref(), Some("Kim a Mosca"));
        // og:title with the suffix, confirmed by the h1.
        let doc = html_to_text(
            "<meta property=\"og:title\" content=\"Kim a Mosca - Il Sito\"><h1>Kim  a\nMosca</h1>",
        );
        assert_eq!(doc.title.as_deref(), Some("Kim a Mosca"));
        // og:title preferred over the <title>.
        let doc = html_to_text(
            "<title>Home</title><meta property=\"og:title\" content=\"Il vero titolo &amp; altro\">",
        );
        assert_eq!(doc.title.as_deref(), Some("Il vero titolo & altro"));
        // A logo h1 in the site header is not the title; the article's is.
        let doc = html_to_text(
            "<header><h1>Logo</h1></header><article><h1>Titolo <em>vero</em></h1><p>testo</p></article>",
        );
        assert_eq!(doc.title.as_deref(), Some("Titolo vero"));
        // Nothing at all.
        assert_eq!(html_to_text("<p>solo testo</p>").title, None);
        // A runaway h1 (never closed, swallowing the page) is not a title.
        let long = format!("<h1>{}", "parola ".repeat(200));
        assert_eq!(html_to_text(&long).title, None);
    }

    #[test]
    fn language_sources() {
        assert_eq!(
            html_to_text("<html lang=\"DE-at\"><p>x").lang.as_deref(),
            Some("de")
        );
        assert_eq!(
            html_to_text("<meta http-equiv=\"content-language\" content=\"es-ES\"><p>x")
                .lang
                .as_deref(),
            Some("es")
        );
        assert_eq!(
            html_to_text("<meta property=\"og:locale\" content=\"fr_FR\"><p>x")
                .lang
                .as_deref(),
            Some("fr")
        );
        assert_eq!(html_to_text("<html lang=\"\"><p>x").lang, None);
        assert_eq!(html_to_text("<html lang=\"x-klingon-1\"><p>x").lang, None);
        assert_eq!(html_to_text("<p>x").lang, None);
    }

    #[test]
    fn unclosed_tags_still_make_paragraphs() {
        let doc = html_to_text("<body><p>uno<p>due<div>tre<p>quattro<li>a<li>b</body>");
        assert_eq!(doc.text, "uno\n\ndue\n\ntre\n\nquattro\n\na\nb");
        let doc = html_to_text("<b>grassetto <i>corsivo</b> ancora</i> fine");
        assert_eq!(doc.text, "grassetto corsivo ancora fine");
    }

    #[test]
    fn stray_angle_brackets_are_text() {
        assert_eq!(
            html_to_text("<p>se a < b e c <= d</p>").text,
            "se a < b e c <= d"
        );
        assert_eq!(html_to_text("<<<").text, "<<<");
        assert_eq!(html_to_text("<p><<<ciao>>></p>").text, "<<>>");
        assert_eq!(html_to_text("x <5 anni").text, "x <5 anni");
        assert_eq!(html_to_text("fine <").text, "fine <");
        assert_eq!(html_to_text("fine </").text, "fine </");
        assert_eq!(html_to_text("fine <!").text, "fine <!");
        assert_eq!(html_to_text("a </> b").text, "a b");
        // A tag that never closes is text, as in "x<y" at the very end.
        assert_eq!(html_to_text("<p>ok</p> x<y").text, "ok\n\nx<y");
    }

    #[test]
    fn attributes_with_and_without_quotes() {
        let doc = html_to_text(
            "<html lang=it><body><article class=story id=main-story><h1 class='t'>Titolo</h1>\
             <p data-x=\"a>b\" title='c > d' hidden=>Nascosto</p><p style=\"color:red\">Visibile</p></article>",
        );
        assert_eq!(doc.lang.as_deref(), Some("it"));
        assert_eq!(doc.text, "Titolo\n\nVisibile");
        // Unclosed quote: the tag ends at the next '>' instead of eating the page.
        let doc =
            html_to_text("<p><a href=\"/link>Testo del link</a> e poi altro.</p><p>Fine.</p>");
        assert_eq!(doc.text, "Testo del link e poi altro.\n\nFine.");
        // Duplicate and valueless attributes, odd spacing, slash noise.
        let doc = html_to_text(
            "<p  class = \"a\" class=\"b\" disabled / >uno</p><br/><img src=x / alt=y>due",
        );
        assert_eq!(doc.text, "uno\n\ndue");
    }

    #[test]
    fn unterminated_comment_script_style_and_title() {
        let doc = html_to_text("<p>prima</p><!-- commento <p>dopo</p>");
        assert_eq!(doc.text, "prima\n\ndopo");
        assert!(
            doc.warnings.iter().any(|w| w.contains("comment")),
            "{:?}",
            doc.warnings
        );

        let doc = html_to_text("<p>prima</p><!-- commento senza fine");
        assert_eq!(doc.text, "prima");

        let doc = html_to_text("<p>prima</p><script>var x = '<p>no</p>'; // mai chiuso");
        assert_eq!(doc.text, "prima");
        assert!(
            doc.warnings.iter().any(|w| w.contains("<script>")),
            "{:?}",
            doc.warnings
        );

        let doc = html_to_text("<style>p { x: '</sty' }</style><p>testo</p><style>rotto");
        assert_eq!(doc.text, "testo");

        let doc = html_to_text("<title>Titolo senza fine<p>Corpo</p><title>Altro");
        assert!(doc.text.contains("Corpo"), "{}", doc.text);
        assert!(!doc.warnings.is_empty());
    }

    #[test]
    fn comments_cdata_doctype_and_processing_instructions() {
        let doc = html_to_text(
            "<?xml version=\"1.0\"?><!DOCTYPE html><p>a<!-- nascosto -->b<!---->c<!-->d</p>\
             <p><![CDATA[dati <grezzi>]]></p><![CDATA[senza fine",
        );
        assert_eq!(doc.text, "abcd\n\ndati <grezzi>\n\nsenza fine");
        assert!(doc.warnings.iter().any(|w| w.contains("CDATA")));
    }

    #[test]
    fn entities() {
        let doc = html_to_text(
            "<p>&agrave;&egrave;&eacute;&igrave;&ograve;&ugrave; &Agrave;&Egrave;&Ugrave; &ntilde;&Ntilde; &auml;&ouml;&uuml;&szlig; &ccedil; &yuml;&thorn;</p>\
             <p>a&nbsp;b &mdash; &ndash; &laquo;x&raquo; &lsquo;&rsquo; &ldquo;&rdquo; &hellip; &euro; &copy; &deg;</p>\
             <p>&#8364; &#x20AC; &#X20ac; &#150; &#0; &#x110000; &#xD800; &#99999999999999999999; &#; &#x;</p>\
             <p>AT&T &amp &lt; &unknown; &amp;amp; &ampx &copy2025 & fine</p>",
        );
        let paragraphs: Vec<&str> = doc.text.split("\n\n").collect();
        assert_eq!(
            paragraphs,
            [
                "àèéìòù ÀÈÙ ñÑ äöüß ç ÿþ",
                "a b — – «x» ‘’ “” … € © °",
                "€ € € – \u{FFFD} \u{FFFD} \u{FFFD} \u{FFFD} &#; &#x;",
                "AT&T & < &unknown; &amp; &ampx &copy2025 & fine",
            ]
        );
    }

    #[test]
    fn entities_in_attributes() {
        let doc = html_to_text(
            "<meta property=\"og:title\" content=\"Kim &amp; Putin: l&#39;incontro &quot;storico&quot; ?a=1&copy=2\">",
        );
        assert_eq!(
            doc.title.as_deref(),
            Some("Kim & Putin: l'incontro \"storico\" ?a=1&copy=2")
        );
    }

    #[test]
    fn all_latin1_entities_decode() {
        for (i, name) in LATIN1_NAMES.iter().enumerate() {
            let expected = char::from_u32(0xA0 + i as u32).unwrap();
            assert_eq!(named_entity(name), Some(expected), "{name}");
        }
        assert!(LATIN1_NAMES.len() + OTHER_ENTITIES.len() > 200);
    }

    #[test]
    fn breaks_lists_tables_and_pre() {
        assert_eq!(html_to_text("a<br>b").text, "a\nb");
        assert_eq!(html_to_text("a<br> <br />b").text, "a\n\nb");
        assert_eq!(html_to_text("a</br>b").text, "a\nb");
        assert_eq!(html_to_text("a</p>b").text, "a\n\nb");
        assert_eq!(
            html_to_text("<ol><li>uno</li><li>due</li></ol><p>dopo</p>").text,
            "uno\ndue\n\ndopo"
        );
        assert_eq!(
            html_to_text("<table><tr><td>a<td>b<tr><td>c</table>").text,
            "a b\nc"
        );
        assert_eq!(
            html_to_text("<pre>riga 1\n  riga 2\n\nriga 4</pre>").text,
            "riga 1\nriga 2\nriga 4"
        );
        assert_eq!(html_to_text("<h2>Titolo</h2>Testo").text, "Titolo\n\nTesto");
        assert_eq!(
            html_to_text("<h2>Uno<h3>Due</h2>tre").text,
            "Uno\n\nDue\n\ntre"
        );
        assert_eq!(
            html_to_text("  parole   sparse \n\t su   righe  ").text,
            "parole sparse su righe"
        );
        assert_eq!(
            html_to_text("in&shy;con&#173;tro&#x200B;!").text,
            "incontro!"
        );
    }

    #[test]
    fn content_after_closing_html_is_kept() {
        assert_eq!(
            html_to_text("<html><body><p>uno</p></body></html><p>due</p>").text,
            "uno\n\ndue"
        );
    }

    #[test]
    fn text_in_unclosed_head_starts_the_body() {
        let doc = html_to_text("<html><head><title>T</title>Testo subito<p>poi</p>");
        assert_eq!(doc.text, "Testo subito\n\npoi");
        assert_eq!(doc.title.as_deref(), Some("T"));
    }

    #[test]
    fn svg_and_its_title_are_dropped() {
        let doc = html_to_text(
            "<p>Prima<svg><title>icona</title><path d=\"M0\"/><text>SVG</text></svg> dopo</p>",
        );
        assert_eq!(doc.text, "Prima dopo");
        assert_eq!(doc.title, None);
    }

    fn long_paragraph(words: usize) -> String {
        "Le truppe sono state schierate lungo il confine. ".repeat(words / 8 + 1)
    }

    #[test]
    fn longest_article_wins_over_teasers() {
        let html = format!(
            "<body><article><h2>Teaser uno</h2></article><article><h1>Vero</h1><p>{}</p></article>\
             <article><h2>Teaser due</h2></article></body>",
            long_paragraph(60)
        );
        let doc = html_to_text(&html);
        assert!(doc.text.starts_with("Vero\n\nLe truppe"), "{}", doc.text);
        assert!(!doc.text.contains("Teaser"));
    }

    #[test]
    fn comment_articles_do_not_beat_the_post() {
        let html = format!(
            "<body><main><div class=\"entry-content\"><h1>Post</h1><p>Breve testo del post, con qualche parola.</p></div>\
             <div id=\"comments\" class=\"comments-area\"><article class=\"comment\"><p>{}</p></article></div></main></body>",
            long_paragraph(60)
        );
        let doc = html_to_text(&html);
        assert_eq!(
            doc.text,
            "Post\n\nBreve testo del post, con qualche parola."
        );
    }

    #[test]
    fn small_article_region_falls_back_to_body() {
        let html = format!(
            "<body><nav>menu</nav><article><p>Solo un teaser.</p></article>\
             <div class=\"content\"><p>{}</p></div><footer>piede</footer></body>",
            long_paragraph(80)
        );
        let doc = html_to_text(&html);
        assert!(
            doc.text.starts_with("Solo un teaser.\n\nLe truppe"),
            "{}",
            doc.text
        );
        assert!(!doc.text.contains("menu") && !doc.text.contains("piede"));
    }

    #[test]
    fn short_article_is_still_chosen_when_it_is_most_of_the_page() {
        let doc = html_to_text(
            "<body><div class=\"cookie-bar\">Usiamo i cookie per migliorare il servizio e per fini statistici e pubblicitari, accetta o rifiuta.</div>\
             <div class=\"logo\">Sito</div><article><p>Breve notizia: firmato l'accordo.</p></article></body>",
        );
        assert_eq!(doc.text, "Breve notizia: firmato l'accordo.");
    }

    #[test]
    fn wrapper_with_boilerplate_class_does_not_hide_the_page() {
        // ASP.NET pages wrap everything in a <form>; some themes name wrappers "has-sidebar".
        let html = format!(
            "<body><form id=\"aspnetForm\"><div class=\"page has-sidebar\"><h1>Titolo</h1><p>{}</p></div></form></body>",
            long_paragraph(40)
        );
        let doc = html_to_text(&html);
        assert!(doc.text.starts_with("Titolo\n\nLe truppe"), "{}", doc.text);

        let html = format!(
            "<body><form id=\"aspnetForm\"><article><p>{}</p><div class=\"share\">Condividi</div></article></form></body>",
            long_paragraph(40)
        );
        let doc = html_to_text(&html);
        assert!(doc.text.starts_with("Le truppe"), "{}", doc.text);
        assert!(!doc.text.contains("Condividi"));
    }

    #[test]
    fn hidden_and_aria_hidden_are_dropped() {
        let doc = html_to_text(
            "<article><p>Visibile.</p><p hidden>Nascosto</p><span aria-hidden=\"true\">icona</span>\
             <div style=\"display: none\">spento</div><span class=\"sr-only\">Condividi</span></article>",
        );
        assert_eq!(doc.text, "Visibile.");
    }

    #[test]
    fn uppercase_markup_and_tracking_pixels_in_head() {
        let doc = html_to_text(
            "<HTML LANG=FR><HEAD><TITLE>Titre</TITLE><NOSCRIPT><IMG SRC=\"px\"></NOSCRIPT>\
             <META NAME=\"DATE\" CONTENT=\"2025-11-01\"><SCRIPT>x()</SCRIPT></HEAD>\
             <BODY><P>Premier.<BR>Ligne.</P><P>Second.</BODY></HTML>",
        );
        assert_eq!(doc.text, "Premier.\nLigne.\n\nSecond.");
        assert_eq!(doc.title.as_deref(), Some("Titre"));
        assert_eq!(doc.published.as_deref(), Some("2025-11-01"));
        assert_eq!(doc.lang.as_deref(), Some("fr"));
    }

    #[test]
    fn page_hidden_behind_an_open_modal_is_still_read() {
        // A page saved while a consent dialog was open: the whole page is aria-hidden.
        let html = format!(
            "<body><div role=\"dialog\">Accetta i cookie</div><div id=\"page\" aria-hidden=\"true\">\
             <nav>menu</nav><article><h1>Titolo</h1><p>{}</p><div class=\"share\">Condividi</div></article></div></body>",
            long_paragraph(40)
        );
        let doc = html_to_text(&html);
        assert!(doc.text.starts_with("Titolo\n\nLe truppe"), "{}", doc.text);
        for junk in ["cookie", "menu", "Condividi"] {
            assert!(!doc.text.contains(junk), "{junk}");
        }
    }

    #[test]
    fn empty_and_whitespace_input() {
        assert_eq!(html_to_text(""), HtmlDoc::default());
        assert_eq!(html_to_text("   \n\t "), HtmlDoc::default());
        let doc = html_to_text("<html><head><title></title></head><body></body></html>");
        assert_eq!(doc.text, "");
        assert_eq!(doc.title, None);
        assert_eq!(doc.warnings, ["no readable text found in the HTML"]);
    }

    #[test]
    fn nesting_ten_thousand_deep_is_flattened_with_a_warning() {
        let html = format!(
            "<html><body>{}testo profondo{}<p>dopo</p></body></html>",
            "<div>".repeat(10_000),
            "</div>".repeat(10_000)
        );
        let doc = html_to_text(&html);
        assert_eq!(doc.text, "testo profondo\n\ndopo");
        assert_eq!(
            doc.warnings,
            ["HTML nesting deeper than 512 levels; rest flattened"]
        );

        let html = format!("{}<p>fondo", "<span><b>".repeat(10_000));
        let doc = html_to_text(&html);
        assert_eq!(doc.text, "fondo");

        // Deep nesting inside an article keeps the article's text.
        let html = format!(
            "<nav>menu</nav><article>{}<p>dentro</p></article>",
            "<section>".repeat(10_000)
        );
        let doc = html_to_text(&html);
        assert_eq!(doc.text, "dentro");
    }

    #[test]
    fn five_megabyte_single_line_page_completes() {
        let paragraph = "<p class=\"x\">Kim Jong Un e Vladimir Putin si sono incontrati a Vostochny &mdash; \
                         <b>10.000</b> soldati, <a href=\"/a?b=1&amp;c=2\">link</a>.</p>";
        let mut html = String::from("<html lang=\"it\"><body><article>");
        while html.len() < 5 * 1024 * 1024 {
            html.push_str(paragraph);
        }
        html.push_str("</article></body></html>");
        let doc = html_to_text(&html);
        assert!(doc.text.len() > 2 * 1024 * 1024);
        assert!(doc.text.starts_with("Kim Jong Un e Vladimir Putin si sono incontrati a Vostochny — 10.000 soldati, link.\n\nKim"));
        assert_eq!(doc.lang.as_deref(), Some("it"));
    }

    #[test]
    fn pathological_megabyte_inputs_complete() {
        let size = 256 * 1024;
        let fill = |unit: &str| unit.repeat(size / unit.len().max(1));
        for unit in [
            "<",
            "<a",
            "<a x=\"",
            "<a x='",
            "</",
            "<!--",
            "<!-",
            "<![CDATA[",
            "&",
            "&#",
            "&#x1",
            "&amp",
            "<p>",
            "<li>",
            "<div>",
            "</div>",
            "<td>",
            "<h1>",
            "<title>",
            "<textarea>",
            "<script>",
            "\"'>",
            "<a b c d e f g h i j k l m n o p q r s t u v w x y z>",
            "<time datetime=\"2025\">",
            "<meta name=\"date\" content=\"x\">",
            "<article>",
            "<span itemprop=\"datePublished\">x",
        ] {
            let doc = html_to_text(&fill(unit));
            assert!(doc.warnings.len() <= MAX_WARNINGS, "{unit}");
        }
        // One big tag with a million attributes.
        let doc = html_to_text(&format!("<p {}>ok</p>", "a=1 ".repeat(250_000)));
        assert_eq!(doc.text, "ok");
    }

    #[test]
    fn never_panics_on_odd_bytes_and_truncations() {
        let samples = [
            ITALIAN_PAGE,
            ENGLISH_PAGE,
            UKRAINIAN_PAGE,
            "<p>ünïcödé <ä ö=ü>ß</ä> 日本語 &#x1F600; 😀</p>",
            "<a href='\u{0}'>\u{0}</a>",
        ];
        for sample in samples {
            // Every prefix that ends on a character boundary.
            for (i, _) in sample.char_indices() {
                let _ = html_to_text(&sample[..i]);
            }
        }
    }

    #[test]
    fn looks_like_html_sniff() {
        assert!(looks_like_html("<!DOCTYPE html><p>x"));
        assert!(looks_like_html("\u{FEFF}  <html><body>"));
        assert!(looks_like_html("testo\n<body>\n"));
        assert!(looks_like_html(
            "<div><p>uno</p><p>due</p><span>tre</span></div>"
        ));
        assert!(!looks_like_html("Testo semplice con a < b e x > y."));
        assert!(!looks_like_html("# Titolo\n\nTesto con un <br> a capo."));
        assert!(!looks_like_html(""));
        assert!(looks_like_html(ITALIAN_PAGE));
        assert!(looks_like_html(UKRAINIAN_PAGE));
    }
}
