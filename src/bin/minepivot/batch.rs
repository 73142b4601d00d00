//! `minepivot batch`: a sweep as a shell pipeline.
//!
//! Reads NDJSON on standard input (one scenario document a line, any released version, as
//! `minepivot evaluate` reads a file) and writes NDJSON on standard output: line i of the
//! output is input line i's summary ([`minepivot::report::Summary`]) or its errors, so that
//! `paste` or a join by `line` puts them side by side. Lines are read in chunks, each chunk
//! evaluated on every core (rayon) and written in order before the next is read: memory stays
//! bounded by the chunk, whatever the input's length.
//!
//! ```text
//! {"line":1,"summary":{"scenarioName":"…","bestPathway":"colocation",…,"pathways":[…]}}
//! {"line":2,"errors":[{"field":"site.powerPriceUsdPerMwh","code":"outOfRange",…}]}
//! ```

use std::io::{BufRead, BufWriter, Write};
use std::process::ExitCode;

use minepivot::parse::{self, MAX_DOCUMENT_BYTES};
use minepivot::report::Summary;
use minepivot::validate::{ErrorCode, ValidationError};
use rayon::prelude::*;
use serde::Serialize;
use serde_json::Value;

/// Lines evaluated together: enough to keep every core busy between writes.
const CHUNK_LINES: usize = 512;

/// Text held at once, bytes: a chunk is cut short when its lines reach this (a document may be
/// up to [`MAX_DOCUMENT_BYTES`], so 512 of the largest would be half a gigabyte).
const CHUNK_BYTES: usize = 16 * 1024 * 1024;

/// One output line.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Line<'a> {
    /// The input line's number, from 1.
    line: u64,
    #[serde(skip_serializing_if = "Option::is_none")]
    summary: Option<&'a Summary>,
    #[serde(skip_serializing_if = "Option::is_none")]
    errors: Option<&'a [ValidationError]>,
}

/// An input line as read: its text, or why it has none.
enum Input {
    Text(String),
    TooLong(usize),
    NotUtf8,
}

/// The most worker threads `--threads` takes: more only adds stacks and switching (a pool of
/// 100,000 threads would take minutes to start).
pub const MAX_THREADS: u64 = 256;

/// Runs the sweep; `threads` workers (one per core by default). Exit status 0 when every line
/// was read and written (bad scenarios are output lines, not failures), 1 when reading or
/// writing failed.
pub fn run(threads: Option<usize>) -> ExitCode {
    let pool = match rayon::ThreadPoolBuilder::new()
        .num_threads(threads.unwrap_or(0))
        .build()
    {
        Ok(pool) => pool,
        Err(e) => {
            eprintln!("minepivot batch: cannot start the worker threads: {e}");
            return ExitCode::from(1);
        }
    };
    let stdin = std::io::stdin();
    let mut input = stdin.lock();
    let mut out = BufWriter::new(std::io::stdout().lock());
    let mut number = 0u64;
    let mut chunk: Vec<(u64, Input)> = Vec::with_capacity(CHUNK_LINES);
    loop {
        chunk.clear();
        let mut bytes = 0;
        let mut done = false;
        while chunk.len() < CHUNK_LINES && bytes < CHUNK_BYTES {
            match read_line(&mut input) {
                Ok(Some(line)) => {
                    number += 1;
                    if let Input::Text(text) = &line {
                        bytes += text.len();
                    }
                    chunk.push((number, line));
                }
                Ok(None) => {
                    done = true;
                    break;
                }
                Err(e) => {
                    eprintln!("minepivot batch: cannot read standard input after line {number}: {e}");
                    return ExitCode::from(1);
                }
            }
        }
        let lines: Vec<String> = pool.install(|| chunk.par_iter().map(|(n, line)| answer(*n, line)).collect());
        for line in &lines {
            if let Err(e) = writeln!(out, "{line}") {
                return write_failed(&e);
            }
        }
        if done {
            break;
        }
    }
    match out.flush() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => write_failed(&e),
    }
}

/// A closed pipe (`minepivot batch < big | head`) ends the sweep quietly; anything else is
/// reported.
fn write_failed(e: &std::io::Error) -> ExitCode {
    if e.kind() == std::io::ErrorKind::BrokenPipe {
        return ExitCode::SUCCESS;
    }
    eprintln!("minepivot batch: cannot write standard output: {e}");
    ExitCode::from(1)
}

/// The next line without its end (`\n` or `\r\n`), `None` at the end of the input. A line
/// longer than a document may be is skipped to its end without being held.
fn read_line<R: BufRead>(input: &mut R) -> std::io::Result<Option<Input>> {
    let mut buf = Vec::new();
    let limit = MAX_DOCUMENT_BYTES as u64 + 2;
    let read = std::io::Read::take(&mut *input, limit).read_until(b'\n', &mut buf)?;
    if read == 0 {
        return Ok(None);
    }
    if buf.last() != Some(&b'\n') && buf.len() as u64 == limit {
        // Too long: count the rest of the line without keeping it.
        let mut length = buf.len();
        loop {
            let available = input.fill_buf()?;
            if available.is_empty() {
                break;
            }
            match available.iter().position(|&b| b == b'\n') {
                Some(i) => {
                    length += i;
                    input.consume(i + 1);
                    break;
                }
                None => {
                    let n = available.len();
                    length += n;
                    input.consume(n);
                }
            }
        }
        return Ok(Some(Input::TooLong(length)));
    }
    if buf.last() == Some(&b'\n') {
        buf.pop();
        if buf.last() == Some(&b'\r') {
            buf.pop();
        }
    }
    Ok(Some(match String::from_utf8(buf) {
        Ok(text) => Input::Text(text),
        Err(_) => Input::NotUtf8,
    }))
}

/// The output line for input line `n`.
fn answer(n: u64, line: &Input) -> String {
    let errors = match line {
        Input::Text(text) => match parse::scenario_from_json(text).and_then(|s| minepivot::summary(&s)) {
            Ok(summary) => return to_line(n, Some(&summary), None),
            Err(errors) => errors,
        },
        Input::TooLong(bytes) => vec![ValidationError::new(
            "",
            ErrorCode::TooLarge,
            format!("the line is {bytes} bytes; a scenario may be at most {MAX_DOCUMENT_BYTES}"),
            Value::from(format!("{bytes} bytes")),
        )],
        Input::NotUtf8 => vec![ValidationError::new(
            "",
            ErrorCode::InvalidJson,
            "the line is not UTF-8 text",
            Value::Null,
        )],
    };
    to_line(n, None, Some(&errors))
}

fn to_line(n: u64, summary: Option<&Summary>, errors: Option<&[ValidationError]>) -> String {
    let line = Line {
        line: n,
        summary,
        errors,
    };
    // ok: a Summary and ValidationErrors are plain numbers and text; serde_json cannot fail on
    // them (the summary's numbers are checked finite by minepivot::summary).
    serde_json::to_string(&line).unwrap_or_else(|e| {
        format!(
            "{{\"line\":{n},\"errors\":[{{\"field\":\"\",\"code\":\"internal\",\"message\":{:?}}}]}}",
            e.to_string()
        )
    })
}
