//! Golden tests: the whole `dateline extract` output for the sample articles in
//! `data/`, as insta snapshots. A change in extraction shows here as a diff to
//! review (`cargo insta review`), never to accept blindly.

use dateline::article::{Article, IntakeOptions};
use dateline::export::{self, ArticleOut};
use dateline::extract::extract;

fn extract_json(name: &str, bytes: &[u8]) -> String {
    let article = Article::from_bytes(&format!("data/{name}"), bytes, &IntakeOptions::default());
    let extraction = extract(&article);
    let outs = [ArticleOut::new(&article, &extraction, false)];
    let mut buf = Vec::new();
    export::write(&mut buf, export::Format::Json, &outs).expect("writing to memory");
    String::from_utf8(buf).expect("JSON is UTF-8")
}

#[test]
fn sample_000_chas_pravdy() {
    insta::assert_snapshot!(extract_json(
        "000_baa33a4ea23e10ec.txt",
        include_bytes!("../data/000_baa33a4ea23e10ec.txt")
    ));
}

#[test]
fn sample_004_adnkronos_broken_encoding() {
    insta::assert_snapshot!(extract_json(
        "004_3bd72472d4c2b3aa.txt",
        include_bytes!("../data/004_3bd72472d4c2b3aa.txt")
    ));
}
