//! How long a frame of the app takes with many events.
//!
//! Builds the app's state headless from synthetic articles (`--events N` events
//! of every kind and date precision, spread over 30 years, 20 to an article),
//! then runs frames of the whole window (the app's own view code through
//! [`egui::Context::run_ui`], tessellation included, no window or GPU) while the
//! pointer zooms and pans the timeline like a user would. Prints the setup
//! times, then as its last line `frame_ms median=X p95=Y events=N`. With
//! `--search`, before that: idle frames, then a search typed a letter a frame
//! and worked out in the background, and the frames' times meanwhile.
//!
//! ```sh
//! cargo run --release --example frame_bench -- --events 1000000 --search
//! /usr/bin/time -v target/release/examples/frame_bench --events 1000000   # peak memory
//! ```

use std::path::PathBuf;
use std::time::{Duration, Instant};

use chrono::{Datelike, NaiveDate};
use dateline::app::state::{AppState, LoadedArticle, SourceRef};
use dateline::app::{Command, DatelineApp};
use dateline::article::{Article, Published, PublishedOrigin};
use dateline::extract::Extraction;
use dateline::extract::events::{DateOrigin, Event, EventDate, EventKind, Figure, Span};
use dateline::extract::sentences::Sentence;
use dateline::extract::time::{Grain, Modifier};

/// Events per synthetic article.
const EVENTS_PER_ARTICLE: usize = 20;
/// The window the frames are drawn into, in points.
const SCREEN: [f32; 2] = [1400.0, 900.0];

struct Args {
    events: usize,
    frames: usize,
    /// Also time frames while a search runs in the background.
    search: bool,
}

fn parse_args() -> Result<Args, String> {
    let mut args = Args {
        events: 1000,
        frames: 100,
        search: false,
    };
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        let mut value = |name: &str| -> Result<usize, String> {
            it.next()
                .and_then(|v| v.replace('_', "").parse().ok())
                .ok_or_else(|| format!("{name} needs a number"))
        };
        match a.as_str() {
            "--events" => args.events = value("--events")?,
            "--frames" => args.frames = value("--frames")?.max(1),
            "--search" => args.search = true,
            "-h" | "--help" => {
                return Err("usage: frame_bench [--events N] [--frames N] [--search]".to_string());
            }
            other => return Err(format!("unknown argument {other}")),
        }
    }
    Ok(args)
}

/// A small, seeded random number generator (xorshift64*), so runs are repeatable.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

const PEOPLE: [&str; 12] = [
    "Vladimir Putin",
    "Kim Jong Un",
    "Sergei Shoigu",
    "Choe Son Hui",
    "Xi Jinping",
    "Joe Biden",
    "Volodymyr Zelensky",
    "Sergei Lavrov",
    "No Kwang Chol",
    "Andrei Belousov",
    "Antony Blinken",
    "Kim Yo Jong",
];
const COUNTRIES: [&str; 10] = [
    "Russia",
    "North Korea",
    "China",
    "Ukraine",
    "United States",
    "South Korea",
    "Japan",
    "Iran",
    "Belarus",
    "NATO",
];
const FIRST_NAMES: [&str; 20] = [
    "Anna", "Boris", "Carla", "Dmitri", "Elena", "Farid", "Giulia", "Hiro", "Ivan", "Jana",
    "Karim", "Lena", "Marco", "Nadia", "Oleg", "Paola", "Qiang", "Rosa", "Sven", "Taras",
];
const LAST_NAMES: [&str; 30] = [
    "Abe",
    "Bianchi",
    "Costa",
    "Dvorak",
    "Esposito",
    "Fischer",
    "Garcia",
    "Horvat",
    "Ivanov",
    "Jensen",
    "Kovalenko",
    "Lopez",
    "Moreau",
    "Novak",
    "Orlov",
    "Park",
    "Quinn",
    "Rossi",
    "Schmidt",
    "Tanaka",
    "Ueda",
    "Volkov",
    "Weber",
    "Xu",
    "Yilmaz",
    "Zhang",
    "Ricci",
    "Smirnov",
    "Petrenko",
    "Lee",
];
const PLACES: [&str; 8] = [
    "Moscow",
    "Pyongyang",
    "Kursk",
    "Vladivostok",
    "Beijing",
    "Kyiv",
    "Seoul",
    "Vostochny",
];

fn span(text: &str, start: usize) -> Span {
    Span {
        text: text.to_string(),
        start,
        end: start + text.chars().count(),
    }
}

/// One synthetic event on a random date of the 30 years, with a random precision.
fn event(rng: &mut Rng, index: usize, sentence: &Span) -> Event {
    let base = NaiveDate::from_ymd_opt(1996, 1, 1).unwrap_or_default();
    let day = base + chrono::Duration::days(rng.below(30 * 365) as i64);
    let kind = EventKind::ALL[rng.below(EventKind::ALL.len())];
    // Mostly days, some months and years, a few open ranges and planned events.
    let roll = rng.below(100);
    let (grain, start, end, value) = match roll {
        0..=69 => (Grain::Day, day, day, day.format("%Y-%m-%d").to_string()),
        70..=89 => {
            let first = day.with_day0(0).unwrap_or(day);
            let last = first
                .checked_add_months(chrono::Months::new(1))
                .and_then(|d| d.pred_opt())
                .unwrap_or(first);
            (Grain::Month, first, last, first.format("%Y-%m").to_string())
        }
        _ => {
            let first = day.with_ordinal0(0).unwrap_or(day);
            let last = first
                .with_month(12)
                .and_then(|d| d.with_day(31))
                .unwrap_or(first);
            (Grain::Year, first, last, first.format("%Y").to_string())
        }
    };
    let modifier = match rng.below(100) {
        0 => Some(Modifier::Since),
        1 => Some(Modifier::Until),
        2 => Some(Modifier::Planned),
        _ => None,
    };
    // A few names in many reports, many names in a few, as in the news.
    let a = if rng.below(5) == 0 {
        PEOPLE[rng.below(PEOPLE.len())].to_string()
    } else {
        format!(
            "{} {}",
            FIRST_NAMES[rng.below(FIRST_NAMES.len())],
            LAST_NAMES[rng.below(LAST_NAMES.len())]
        )
    };
    let b = COUNTRIES[rng.below(COUNTRIES.len())];
    let place = if rng.below(4) == 0 {
        PLACES[rng.below(PLACES.len())].to_string()
    } else {
        format!("Town {}", rng.below(500))
    };
    let figures = if rng.below(10) == 0 {
        vec![Figure {
            value: (rng.below(50) * 1000) as f64,
            unit: "soldiers".to_string(),
            text: "migliaia di soldati".to_string(),
            start: sentence.start,
            end: sentence.start + 5,
        }]
    } else {
        Vec::new()
    };
    Event {
        id: format!("e{index}"),
        kind,
        subkind: None,
        label: format!("{}: {a}, {b} ({place})", kind.title()),
        date: EventDate {
            value,
            grain,
            modifier,
            start_date: start,
            end_date: end,
            origin: DateOrigin::Explicit,
            timex: None,
        },
        sentence: sentence.clone(),
        trigger: span("incontro", sentence.start + 10),
        actors: vec![a.clone(), b.to_string()],
        places: vec![place],
        figures,
        confidence: 0.8,
        affiliations: vec![b.to_string()],
        people: vec![a],
        roles: Default::default(),
    }
}

/// `n_events` events in articles of [`EVENTS_PER_ARTICLE`], each article with a
/// sentence of its own for every event.
fn synthetic_articles(n_events: usize) -> Vec<LoadedArticle> {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let mut out = Vec::new();
    let mut made = 0;
    let mut a = 0;
    while made < n_events {
        let n = EVENTS_PER_ARTICLE.min(n_events - made);
        let mut text = format!("Articolo sintetico numero {a}\n\n");
        let mut sentences = Vec::new();
        let mut spans = Vec::new();
        for i in 0..n {
            let start = text.chars().count();
            let byte_start = text.len();
            let s = format!(
                "Il {i} del mese il leader ha avuto un incontro con la delegazione arrivata \
                 in città per discutere di cooperazione militare e di forniture ({a}/{i}). "
            );
            text.push_str(&s);
            let sp = span(s.trim_end(), start);
            sentences.push(Sentence {
                start: sp.start,
                end: sp.end,
                byte_start,
                byte_end: byte_start + s.trim_end().len(),
            });
            spans.push(sp);
        }
        let events: Vec<Event> = spans
            .iter()
            .enumerate()
            .map(|(i, sp)| event(&mut rng, i, sp))
            .collect();
        let published = NaiveDate::from_ymd_opt(1996, 1, 1)
            .unwrap_or_default()
            .checked_add_days(chrono::Days::new(rng.below(30 * 365) as u64))
            .and_then(|d| d.and_hms_opt(10, 0, 0));
        let name = format!("synthetic/{a:06}.txt");
        let article = Article {
            id: format!("{a:016x}"),
            source: name.clone(),
            title: Some(format!("Articolo sintetico numero {a}")),
            lang: "it".to_string(),
            published: Published {
                value: published,
                has_time: true,
                origin: PublishedOrigin::Text,
            },
            repairs: 0,
            warnings: Vec::new(),
            text,
            error: None,
        };
        let extraction = Extraction {
            sentences,
            timexes: Vec::new(),
            events,
            warnings: Vec::new(),
        };
        // As the app's loader does: the events become compact records.
        out.push(LoadedArticle::new(
            SourceRef::File(PathBuf::from(name)),
            article,
            extraction,
        ));
        made += n;
        a += 1;
    }
    out
}

/// The input of frame `i`: the pointer over the timeline, zooming in with the
/// wheel, dragging to pan, zooming out, dragging back.
fn frame_input(i: usize, frames: usize) -> egui::RawInput {
    let center = egui::pos2(860.0, 250.0);
    let mut events = Vec::new();
    let phase = i * 4 / frames.max(4);
    let step = (i % (frames / 4).max(1)) as f32;
    let wheel = |dy: f32| egui::Event::MouseWheel {
        unit: egui::MouseWheelUnit::Point,
        delta: egui::vec2(0.0, dy),
        phase: egui::TouchPhase::Move,
        modifiers: egui::Modifiers::NONE,
        source: egui::MouseWheelSource::Wheel,
    };
    let pointer = |dx: f32| center + egui::vec2(dx, 0.0);
    let button = |pos, pressed| egui::Event::PointerButton {
        pos,
        button: egui::PointerButton::Primary,
        pressed,
        modifiers: egui::Modifiers::NONE,
    };
    match phase {
        0 => {
            events.push(egui::Event::PointerMoved(center));
            events.push(wheel(50.0));
        }
        1 | 3 => {
            // A drag across the plot, 12 points a frame, released and started again.
            let dir = if phase == 1 { 1.0 } else { -1.0 };
            let k = step % 20.0;
            let from = pointer(dir * (k * 12.0 - 120.0));
            let to = pointer(dir * ((k + 1.0) * 12.0 - 120.0));
            if k == 0.0 {
                events.push(egui::Event::PointerMoved(from));
                events.push(button(from, true));
            }
            events.push(egui::Event::PointerMoved(to));
            if k == 19.0 {
                events.push(button(to, false));
            }
        }
        _ => {
            events.push(egui::Event::PointerMoved(center));
            events.push(wheel(-50.0));
        }
    }
    egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(SCREEN[0], SCREEN[1]),
        )),
        time: Some(i as f64 / 60.0),
        predicted_dt: 1.0 / 60.0,
        events,
        ..Default::default()
    }
}

/// The process's resident memory now and at its peak, in MB (Linux; else nothing).
fn memory_mb() -> String {
    let Ok(status) = std::fs::read_to_string("/proc/self/status") else {
        return String::new();
    };
    let field = |name: &str| {
        status
            .lines()
            .find(|l| l.starts_with(name))
            .and_then(|l| l.split_whitespace().nth(1))
            .and_then(|kb| kb.parse::<f64>().ok())
            .map_or(0.0, |kb| kb / 1024.0)
    };
    format!(
        "rss {:.0} MB, peak {:.0} MB",
        field("VmRSS:"),
        field("VmHWM:")
    )
}

/// A hash of the merged timeline (ids, labels, dates, reports, conflicts of the
/// whole entries, made again from the app's compact ones), to check that a change
/// to the merge leaves its result alone.
fn digest(state: &AppState) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    for e in state.entries.iter() {
        let Some(e) = dateline::app::records::full_entry(&state.articles, e) else {
            continue;
        };
        e.id.hash(&mut h);
        e.label.hash(&mut h);
        e.date.value.hash(&mut h);
        e.actors.hash(&mut h);
        e.places.hash(&mut h);
        for r in &e.reports {
            r.article.hash(&mut h);
            r.event.hash(&mut h);
        }
        for c in &e.conflicts {
            c.field.hash(&mut h);
            c.values.hash(&mut h);
        }
    }
    h.finish()
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let i = ((sorted.len() - 1) as f64 * p).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

/// The input of an idle frame `i`: the pointer resting over the side panel, as
/// while typing in the search box.
fn idle_input(i: usize) -> egui::RawInput {
    let mut input = frame_input(0, 4);
    input.events = vec![egui::Event::PointerMoved(egui::pos2(150.0, 120.0))];
    input.time = Some(100.0 + i as f64 / 60.0);
    input
}

/// Draws one frame (at most 60 a second, as a display asks for them); its time in ms.
fn timed_frame(app: &mut DatelineApp, ctx: &egui::Context, input: egui::RawInput) -> f64 {
    let f = Instant::now();
    let out = ctx.run_ui(input, |ui| app.app_ui(ui));
    let _ = ctx.tessellate(out.shapes, out.pixels_per_point);
    let ms = f.elapsed().as_secs_f64() * 1000.0;
    std::thread::sleep(Duration::from_millis(16).saturating_sub(f.elapsed()));
    ms
}

/// Prints a line of frame times, and all of them with `FRAME_BENCH_ALL`.
fn print_frames(what: &str, mut times_ms: Vec<f64>) {
    if std::env::var_os("FRAME_BENCH_ALL").is_some() {
        let all: Vec<String> = times_ms.iter().map(|t| format!("{t:.1}")).collect();
        println!("{what} frames: {}", all.join(" "));
    }
    times_ms.sort_by(f64::total_cmp);
    println!(
        "{what}: {} frames, median={:.3} p95={:.3} max={:.3} ms",
        times_ms.len(),
        percentile(&times_ms, 0.5),
        percentile(&times_ms, 0.95),
        times_ms.last().copied().unwrap_or_default()
    );
}

/// Idle frames, then a search typed into the app a letter a frame, as a user
/// would, then idle frames until the background search is in: prints how long
/// that took and how long the frames took, idle and meanwhile. Then the same
/// back to no search.
fn search_while_drawing(app: &mut DatelineApp, ctx: &egui::Context) {
    let idle: Vec<f64> = (0..60)
        .map(|i| timed_frame(app, ctx, idle_input(i)))
        .collect();
    print_frames("idle, no search", idle);
    for search in ["lavrov", ""] {
        let typed: Vec<String> = if search.is_empty() {
            vec![String::new()]
        } else {
            (1..=search.len())
                .map(|n| search[..n].to_string())
                .collect()
        };
        let dropped = app.dropped_filter_results();
        let stopped = app.stopped_filter_workers();
        let t = Instant::now();
        let mut times_ms = Vec::new();
        let mut i = 0;
        while i < typed.len() || app.is_filtering() {
            if let Some(text) = typed.get(i) {
                app.queue(Command::SetSearch(text.clone()));
            }
            times_ms.push(timed_frame(app, ctx, idle_input(i)));
            i += 1;
        }
        println!(
            "search {search:?} typed, in the background: {} shown {:.2} s after the first key; \
             of the older requests {} stopped early, {} came back and were dropped",
            app.state().shown.len(),
            t.elapsed().as_secs_f64(),
            app.stopped_filter_workers() - stopped,
            app.dropped_filter_results() - dropped,
        );
        print_frames(&format!("search {search:?}, typing and waiting"), times_ms);
    }
}

fn main() -> std::process::ExitCode {
    let args = match parse_args() {
        Ok(a) => a,
        Err(e) => {
            eprintln!("{e}");
            return std::process::ExitCode::FAILURE;
        }
    };
    let t = Instant::now();
    let articles = synthetic_articles(args.events);
    let n_articles = articles.len();
    println!(
        "made {} events in {n_articles} articles in {:.2} s ({})",
        args.events,
        t.elapsed().as_secs_f64(),
        memory_mb()
    );
    let t = Instant::now();
    let mut state = AppState::default();
    state.add_articles(articles);
    state.zoom_to_fit();
    println!(
        "timeline of {} entries in {} lanes built in {:.2} s ({})",
        state.entries.len(),
        state.lanes.len(),
        t.elapsed().as_secs_f64(),
        memory_mb()
    );
    println!("timeline digest {:016x}", digest(&state));
    // Filtering runs on the UI thread: a search, then back to no filter.
    for search in ["lavrov", ""] {
        let t = Instant::now();
        state.filters.search = search.to_string();
        state.refilter();
        println!(
            "filter {search:?}: {} shown in {:.2} s",
            state.shown.len(),
            t.elapsed().as_secs_f64()
        );
    }
    let mut app = DatelineApp::from_state(state);
    let ctx = egui::Context::default();
    // Two frames to settle the layout (fonts, panel sizes) before timing.
    for i in 0..2 {
        let mut input = frame_input(0, args.frames);
        input.events.clear();
        input.time = Some(-1.0 + f64::from(i) / 60.0);
        let out = ctx.run_ui(input, |ui| app.app_ui(ui));
        let _ = ctx.tessellate(out.shapes, out.pixels_per_point);
    }
    let first_view = app.state().view;
    let mut times_ms = Vec::with_capacity(args.frames);
    let mut primitives = 0usize;
    for i in 0..args.frames {
        let input = frame_input(i, args.frames);
        let t = Instant::now();
        let out = ctx.run_ui(input, |ui| app.app_ui(ui));
        let clipped = ctx.tessellate(out.shapes, out.pixels_per_point);
        times_ms.push(t.elapsed().as_secs_f64() * 1000.0);
        primitives = primitives.max(clipped.len());
        if (i + 1) % (args.frames / 4).max(1) == 0 {
            let v = app.state().view;
            println!(
                "after frame {}: view {:.1}..{:.1} (days), {:.3} ms",
                i + 1,
                v.start,
                v.end,
                times_ms.last().copied().unwrap_or_default()
            );
        }
    }
    let last_view = app.state().view;
    println!(
        "view moved from {:.1}..{:.1} to {:.1}..{:.1} (days); at most {primitives} clipped primitives a frame ({})",
        first_view.start,
        first_view.end,
        last_view.start,
        last_view.end,
        memory_mb()
    );
    if std::env::var_os("FRAME_BENCH_ALL").is_some() {
        let all: Vec<String> = times_ms.iter().map(|t| format!("{t:.1}")).collect();
        println!("frames: {}", all.join(" "));
    }
    if args.search {
        search_while_drawing(&mut app, &ctx);
    }
    let mut sorted = times_ms.clone();
    sorted.sort_by(f64::total_cmp);
    println!(
        "frame_ms median={:.3} p95={:.3} events={}",
        percentile(&sorted, 0.5),
        percentile(&sorted, 0.95),
        args.events
    );
    std::process::ExitCode::SUCCESS
}
