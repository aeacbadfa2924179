//! A byte stream with position tracking, bounded line reads, peeking and push-back.

use std::io::{self, BufRead, ErrorKind, Read};

/// What [`Input::read_line`] found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Line {
    /// Length of the line without its `\n`, even when it was not all kept.
    pub(crate) len: u64,
    /// The line was longer than the maximum; the kept bytes are only a prefix.
    pub(crate) overflow: bool,
}

/// Wraps a [`BufRead`] so that parsers can peek ahead, give bytes back (to resynchronise
/// after a corrupt record) and know the byte offset of everything they read.
pub(crate) struct Input<'a> {
    inner: &'a mut dyn BufRead,
    back: Vec<u8>,
    back_pos: usize,
    pos: u64,
}

impl<'a> Input<'a> {
    pub(crate) fn new(inner: &'a mut dyn BufRead) -> Self {
        Input {
            inner,
            back: Vec::new(),
            back_pos: 0,
            pos: 0,
        }
    }

    /// Offset of the next byte in the stream.
    pub(crate) fn position(&self) -> u64 {
        self.pos
    }

    fn available(&mut self) -> io::Result<&[u8]> {
        if self.back_pos < self.back.len() {
            return Ok(self.back.get(self.back_pos..).unwrap_or_default());
        }
        loop {
            match self.inner.fill_buf() {
                Ok(_) => break,
                Err(e) if e.kind() == ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            }
        }
        self.inner.fill_buf()
    }

    fn advance(&mut self, n: usize) {
        if self.back_pos < self.back.len() {
            self.back_pos = (self.back_pos + n).min(self.back.len());
            if self.back_pos == self.back.len() {
                self.back.clear();
                self.back_pos = 0;
            }
        } else {
            self.inner.consume(n);
        }
        self.pos += n as u64;
    }

    /// Returns at least `n` bytes ahead without consuming them (fewer only at the end).
    pub(crate) fn peek(&mut self, n: usize) -> io::Result<&[u8]> {
        if self.back.len() - self.back_pos < n {
            self.back.drain(..self.back_pos);
            self.back_pos = 0;
            while self.back.len() < n {
                let buf = match self.inner.fill_buf() {
                    Ok(buf) => buf,
                    Err(e) if e.kind() == ErrorKind::Interrupted => continue,
                    Err(e) => return Err(e),
                };
                if buf.is_empty() {
                    break;
                }
                let take = buf.len().min(n - self.back.len());
                self.back
                    .extend_from_slice(buf.get(..take).unwrap_or_default());
                self.inner.consume(take);
            }
        }
        Ok(self.back.get(self.back_pos..).unwrap_or_default())
    }

    /// Gives bytes back: they are read again, in order, before anything else.
    pub(crate) fn unread(&mut self, bytes: &[u8]) {
        if bytes.is_empty() {
            return;
        }
        let mut back = Vec::with_capacity(bytes.len() + self.back.len() - self.back_pos);
        back.extend_from_slice(bytes);
        back.extend_from_slice(self.back.get(self.back_pos..).unwrap_or_default());
        self.back = back;
        self.back_pos = 0;
        self.pos = self.pos.saturating_sub(bytes.len() as u64);
    }

    /// Reads one line, appending it with its `\n` to `out` when it is at most `max` bytes
    /// long (without the `\n`); a longer line is consumed to its end but only a prefix is
    /// kept. `None` at the end of the stream.
    pub(crate) fn read_line(&mut self, max: usize, out: &mut Vec<u8>) -> io::Result<Option<Line>> {
        let start = out.len();
        let mut len: u64 = 0;
        let mut overflow = false;
        let mut any = false;
        loop {
            let buf = self.available()?;
            if buf.is_empty() {
                break;
            }
            any = true;
            let (chunk_len, done) = match memchr::memchr(b'\n', buf) {
                Some(i) => (i + 1, true),
                None => (buf.len(), false),
            };
            let content = if done { chunk_len - 1 } else { chunk_len };
            len += content as u64;
            if !overflow {
                if len > max as u64 {
                    overflow = true;
                } else {
                    out.extend_from_slice(buf.get(..chunk_len).unwrap_or_default());
                }
            }
            self.advance(chunk_len);
            if done {
                break;
            }
        }
        if !any {
            return Ok(None);
        }
        if overflow {
            out.truncate(start + max.min(out.len() - start));
        }
        Ok(Some(Line { len, overflow }))
    }

    /// Reads up to `n` bytes into `out`; returns how many were read (fewer only at the end).
    pub(crate) fn read_up_to(&mut self, n: u64, out: &mut Vec<u8>) -> io::Result<u64> {
        let mut left = n;
        while left > 0 {
            let buf = self.available()?;
            if buf.is_empty() {
                break;
            }
            let take = buf.len().min(usize::try_from(left).unwrap_or(usize::MAX));
            out.extend_from_slice(buf.get(..take).unwrap_or_default());
            self.advance(take);
            left -= take as u64;
        }
        Ok(n - left)
    }

    /// Skips up to `n` bytes; returns how many were skipped (fewer only at the end).
    pub(crate) fn skip(&mut self, n: u64) -> io::Result<u64> {
        let mut left = n;
        while left > 0 {
            let len = self.available()?.len();
            if len == 0 {
                break;
            }
            let take = len.min(usize::try_from(left).unwrap_or(usize::MAX));
            self.advance(take);
            left -= take as u64;
        }
        Ok(n - left)
    }
}

impl Read for Input<'_> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let avail = self.available()?;
        let n = avail.len().min(buf.len());
        if let (Some(dst), Some(src)) = (buf.get_mut(..n), avail.get(..n)) {
            dst.copy_from_slice(src);
        }
        self.advance(n);
        Ok(n)
    }
}

impl BufRead for Input<'_> {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        self.available()
    }

    fn consume(&mut self, amt: usize) {
        self.advance(amt);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Reads every line of `input` with at most `max` bytes and describes them.
    fn check(input: &str, max: usize, expected: &[(&str, u64, bool)]) {
        // A tiny buffer so that lines cross buffer boundaries.
        let mut reader = io::BufReader::with_capacity(3, input.as_bytes());
        let mut input = Input::new(&mut reader);
        let mut got = Vec::new();
        loop {
            let mut out = Vec::new();
            match input.read_line(max, &mut out) {
                Ok(Some(line)) => got.push((
                    String::from_utf8_lossy(&out).into_owned(),
                    line.len,
                    line.overflow,
                )),
                Ok(None) => break,
                Err(e) => panic!("{e}"),
            }
        }
        let got: Vec<(&str, u64, bool)> =
            got.iter().map(|(s, l, o)| (s.as_str(), *l, *o)).collect();
        assert_eq!(got, expected);
    }

    #[test]
    fn lines() {
        check("", 10, &[]);
        check("a\nbb\n", 10, &[("a\n", 1, false), ("bb\n", 2, false)]);
        check("abc", 10, &[("abc", 3, false)]);
        check("abcdefgh\nxy\n", 4, &[("abc", 8, true), ("xy\n", 2, false)]);
        check("abcd\n", 4, &[("abcd\n", 4, false)]);
        check("\n\n", 4, &[("\n", 0, false), ("\n", 0, false)]);
    }

    #[test]
    fn peek_unread_and_positions() {
        let mut reader = io::BufReader::with_capacity(2, &b"hello world"[..]);
        let mut input = Input::new(&mut reader);
        assert_eq!(
            input.peek(5).map(<[u8]>::to_vec).ok(),
            Some(b"hello".to_vec())
        );
        let mut out = Vec::new();
        assert_eq!(input.read_up_to(6, &mut out).ok(), Some(6));
        assert_eq!(input.position(), 6);
        input.unread(b"lo ");
        assert_eq!(input.position(), 3);
        let mut rest = String::new();
        assert!(input.read_to_string(&mut rest).is_ok());
        assert_eq!(rest, "lo world");
        assert_eq!(input.position(), 11);
        assert_eq!(input.skip(5).ok(), Some(0));
    }
}
