fn main() {
    let text = std::env::args().nth(1).unwrap();
    let lang = std::env::args().nth(2).unwrap();
    let opts = dateline::article::IntakeOptions {
        lang: Some(lang),
        published: chrono::NaiveDate::from_ymd_opt(2025, 11, 8)
            .and_then(|d| d.and_hms_opt(12, 0, 0))
            .map(|t| (t, true)),
    };
    let a = dateline::article::Article::from_bytes("x.txt", text.as_bytes(), &opts);
    println!("title={:?}\ntext={:?}", a.title, a.text);
    for e in dateline::extract::extract(&a).events {
        println!(
            "{:?} {:?} {:?} {:?} {:?}",
            e.kind, e.actors, e.places, e.trigger.text, e.sentence.text
        );
    }
}
