//! A compiled pipeline as bytes: the gazetteers parsed, the matcher's indexes and the event
//! lexicon built, so that a run can start from them instead of building them again.
//!
//! Building the pipeline for the default gazetteers takes about 380 million instructions
//! (parsing 78,000 rows, indexing 110,000 names and 40,000 event phrases); reading it back
//! from an image is mostly copying arrays. The command-line tool's build script writes the
//! image of the default gazetteers with [`crate::Pipeline::to_image`], and the tool embeds it
//! and starts with [`crate::Pipeline::from_image`].
//!
//! The format is private to one version of this library: an image starts with a magic number,
//! the format number and the library version, and is refused when any differs. Gazetteer
//! entries are stored as records decoded the first time one is asked for, since an article
//! names a few dozen of the 28,000.

use std::borrow::Cow;
use std::sync::Arc;

use bytemuck::Pod;

use crate::Pipeline;

/// An image that cannot be read: written by another version, or damaged.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("compiled pipeline image: {0}")]
pub struct ImageError(pub String);

const MAGIC: &[u8; 8] = b"GAZETTE\x01";
/// Bumped whenever what is stored changes shape.
const FORMAT: u32 = 2;

impl Pipeline {
    /// The pipeline as bytes, for [`Pipeline::from_image`]: what start-up builds (parsed
    /// gazetteers, the matcher's indexes, the event lexicon) stored so that it can be read
    /// back instead of built again. The command-line tool's build script stores the default
    /// pipeline this way and embeds it.
    pub fn to_image(&self) -> Vec<u8> {
        let mut out = Writer::new();
        // In sections, so that reading can split them between threads.
        out.section(|out| self.gazetteer.store(out));
        out.section(|out| self.matcher.store(out));
        out.section(|out| self.inferrer.store(out));
        out.section(|out| self.events.store(out, self.gazetteer.all_lexicons()));
        out.finish()
    }

    /// Reads a pipeline written by [`Pipeline::to_image`] of this version of the library.
    /// Gazetteer entries are decoded when first used, from the image itself, which is why it
    /// must live as long as the program (an embedded image, or a leaked buffer).
    ///
    /// Fails when the image was written by another version or is damaged: every number that
    /// indexes a table is checked here, so that a bad image cannot make a later step panic.
    /// (Entry records are the exception: each is decoded, and so checked, on first use.)
    pub fn from_image(image: &'static [u8]) -> Result<Self, ImageError> {
        let mut input = Reader::new(image)?;
        let (mut gazetteer_part, mut matcher_part) = (input.section()?, input.section()?);
        let (mut inferrer_part, mut events_part) = (input.section()?, input.section()?);
        if !input.is_done() {
            return Err(input.error("bytes after the end"));
        }
        // Two halves of about equal cost, side by side: the matcher's indexes and the
        // dateline rules (regexes, which cannot be stored, so are compiled again) on one
        // thread; the gazetteer, the event lexicon and the rest on this one.
        let (matcher, gazetteer, inferrer, events, dates) = std::thread::scope(|scope| {
            let other = scope.spawn(move || {
                let dateline = crate::dates::dateline::DatelineRules::new();
                crate::Matcher::load(&mut matcher_part).map(|matcher| (matcher, dateline))
            });
            let rest = (|| {
                let gazetteer = crate::Gazetteer::load(&mut gazetteer_part)?;
                let inferrer = crate::resolve::infer::Inferrer::load(&mut inferrer_part)?;
                let events = crate::events::EventLexicon::load(&mut events_part, gazetteer.all_lexicons())?;
                Ok::<_, ImageError>((gazetteer, inferrer, events))
            })();
            let other = other.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic));
            let ((gazetteer, inferrer, events), (matcher, dateline)) = (rest?, other?);
            let dates = crate::dates::DateStage::with_dateline_rules(&gazetteer, dateline)
                .map_err(|err| ImageError(err.to_string()))?;
            Ok::<_, ImageError>((matcher, gazetteer, inferrer, events, dates))
        })?;
        let entry_known = |candidate: crate::gazetteer::Candidate| match candidate.target {
            crate::gazetteer::Target::Entry(entry) => (entry.entry.0 as usize) < gazetteer.len(),
            crate::gazetteer::Target::Lexicon { kind, id } => {
                let count = match kind {
                    crate::gazetteer::LexiconKind::Dates => dates.lexicon().len(),
                    crate::gazetteer::LexiconKind::Events => events.form_count(),
                    crate::gazetteer::LexiconKind::Titles => inferrer.title_count(),
                    crate::gazetteer::LexiconKind::Codes => 0,
                };
                (id as usize) < count
            }
        };
        if !(0..matcher.candidate_count() as u32).all(|number| entry_known(matcher.candidate(number))) {
            return Err(ImageError(
                "a candidate of the matcher is missing from its gazetteer or stage".to_owned(),
            ));
        }
        Ok(Pipeline {
            gazetteer,
            matcher,
            inferrer,
            dates,
            events,
        })
    }
}

/// Collects the bytes of an image.
#[derive(Debug, Default)]
pub(crate) struct Writer {
    bytes: Vec<u8>,
}

impl Writer {
    /// A writer that has written the header.
    pub(crate) fn new() -> Self {
        let mut writer = Writer::default();
        writer.bytes.extend_from_slice(MAGIC);
        writer.u32(FORMAT);
        writer.str(env!("CARGO_PKG_VERSION"));
        writer
    }

    pub(crate) fn finish(self) -> Vec<u8> {
        self.bytes
    }

    pub(crate) fn position(&self) -> usize {
        self.bytes.len()
    }

    pub(crate) fn u8(&mut self, value: u8) {
        self.bytes.push(value);
    }

    pub(crate) fn bool(&mut self, value: bool) {
        self.u8(u8::from(value));
    }

    pub(crate) fn u32(&mut self, value: u32) {
        self.bytes.extend_from_slice(&value.to_le_bytes());
    }

    pub(crate) fn u64(&mut self, value: u64) {
        self.bytes.extend_from_slice(&value.to_le_bytes());
    }

    /// A length or count; the library's tables stay far below 4 GB.
    pub(crate) fn len(&mut self, value: usize) {
        self.u32(u32::try_from(value).expect("an image table holds fewer than 2^32 items"));
    }

    pub(crate) fn str(&mut self, value: &str) {
        self.len(value.len());
        self.bytes.extend_from_slice(value.as_bytes());
    }

    pub(crate) fn bytes(&mut self, value: &[u8]) {
        self.len(value.len());
        self.bytes.extend_from_slice(value);
    }

    /// A part written by `write`, preceded by its length, so that a reader can skip it or
    /// hand it to another thread.
    pub(crate) fn section(&mut self, write: impl FnOnce(&mut Self)) {
        let at = self.bytes.len();
        self.u32(0);
        write(self);
        let len = u32::try_from(self.bytes.len() - at - 4).expect("an image section is below 4 GB");
        self.bytes[at..at + 4].copy_from_slice(&len.to_le_bytes());
    }

    pub(crate) fn option_str(&mut self, value: Option<&str>) {
        self.bool(value.is_some());
        if let Some(value) = value {
            self.str(value);
        }
    }

    pub(crate) fn strs<S: AsRef<str>>(&mut self, values: &[S]) {
        self.len(values.len());
        for value in values {
            self.str(value.as_ref());
        }
    }

    /// A table of numbers made of 32-bit words (`u32`, `[u32; 2]`), little-endian and aligned
    /// to 4 bytes within the image, so that a reader can use it in place (see
    /// [`Reader::table`]).
    pub(crate) fn table<T: Pod>(&mut self, values: &[T]) {
        self.len(values.len());
        let pad = (4 - (self.bytes.len() + 1) % 4) % 4;
        self.u8(pad as u8);
        self.bytes.extend(std::iter::repeat_n(0, pad));
        for word in bytemuck::cast_slice::<T, u32>(values) {
            self.u32(*word);
        }
    }

    /// Items of any kind, each written by `write`.
    pub(crate) fn list<T>(&mut self, items: &[T], mut write: impl FnMut(&mut Self, &T)) {
        self.len(items.len());
        for item in items {
            write(self, item);
        }
    }
}

/// Reads an image back. Every read is checked: a short or damaged image is an error, never a
/// panic or an out-of-bounds read.
#[derive(Debug, Clone)]
pub(crate) struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    /// A reader past the header, which must be this library's.
    pub(crate) fn new(bytes: &'a [u8]) -> Result<Self, ImageError> {
        let mut reader = Reader { bytes, at: 0 };
        if reader.take(MAGIC.len())? != MAGIC {
            return Err(ImageError("not a gazette pipeline image".to_owned()));
        }
        let format = reader.u32()?;
        let version = reader.str()?;
        if format != FORMAT || version != env!("CARGO_PKG_VERSION") {
            return Err(ImageError(format!(
                "written by gazette {version} (format {format}); this is gazette {} (format {FORMAT})",
                env!("CARGO_PKG_VERSION")
            )));
        }
        Ok(reader)
    }

    /// A reader of a part of an image whose header was checked already.
    pub(crate) fn part(bytes: &'a [u8]) -> Self {
        Reader { bytes, at: 0 }
    }

    pub(crate) fn is_done(&self) -> bool {
        self.at == self.bytes.len()
    }

    pub(crate) fn error(&self, what: &str) -> ImageError {
        ImageError(format!("{what} at byte {}", self.at))
    }

    pub(crate) fn take(&mut self, count: usize) -> Result<&'a [u8], ImageError> {
        let end = self
            .at
            .checked_add(count)
            .filter(|&end| end <= self.bytes.len())
            .ok_or_else(|| self.error("truncated"))?;
        let taken = &self.bytes[self.at..end];
        self.at = end;
        Ok(taken)
    }

    fn array<const N: usize>(&mut self) -> Result<[u8; N], ImageError> {
        let mut array = [0; N];
        array.copy_from_slice(self.take(N)?);
        Ok(array)
    }

    pub(crate) fn u8(&mut self) -> Result<u8, ImageError> {
        Ok(self.array::<1>()?[0])
    }

    pub(crate) fn bool(&mut self) -> Result<bool, ImageError> {
        match self.u8()? {
            0 => Ok(false),
            1 => Ok(true),
            _ => Err(self.error("bad flag")),
        }
    }

    pub(crate) fn u32(&mut self) -> Result<u32, ImageError> {
        Ok(u32::from_le_bytes(self.array()?))
    }

    pub(crate) fn u64(&mut self) -> Result<u64, ImageError> {
        Ok(u64::from_le_bytes(self.array()?))
    }

    pub(crate) fn len(&mut self) -> Result<usize, ImageError> {
        Ok(self.u32()? as usize)
    }

    pub(crate) fn str(&mut self) -> Result<&'a str, ImageError> {
        let len = self.len()?;
        let bytes = self.take(len)?;
        std::str::from_utf8(bytes).map_err(|_| self.error("invalid UTF-8"))
    }

    pub(crate) fn bytes(&mut self) -> Result<&'a [u8], ImageError> {
        let len = self.len()?;
        self.take(len)
    }

    /// A part written by [`Writer::section`], as a reader of its own.
    pub(crate) fn section(&mut self) -> Result<Reader<'a>, ImageError> {
        Ok(Reader::part(self.bytes()?))
    }

    pub(crate) fn string(&mut self) -> Result<String, ImageError> {
        self.str().map(str::to_owned)
    }

    pub(crate) fn option_string(&mut self) -> Result<Option<String>, ImageError> {
        Ok(if self.bool()? { Some(self.string()?) } else { None })
    }

    pub(crate) fn strings(&mut self) -> Result<Vec<String>, ImageError> {
        self.list(Self::string)
    }

    pub(crate) fn arc_strs(&mut self) -> Result<Vec<Arc<str>>, ImageError> {
        self.list(|r| r.str().map(Arc::from))
    }

    /// A count of items that each take at least `item_bytes`: checked against what is left,
    /// so that a damaged count cannot make a huge allocation.
    fn count(&mut self, item_bytes: usize) -> Result<usize, ImageError> {
        let count = self.len()?;
        if count.saturating_mul(item_bytes.max(1)) > self.bytes.len() - self.at {
            return Err(self.error("count past the end"));
        }
        Ok(count)
    }

    /// A table written by [`Writer::table`]: borrowed from the image where the machine is
    /// little-endian and the image is aligned (the tool's embedded image is), copied otherwise.
    /// Borrowing is most of what makes start-up fast: each page copied to the heap is a page
    /// fault, and those cost more than the copying.
    pub(crate) fn table<T: Pod>(&mut self) -> Result<Cow<'a, [T]>, ImageError> {
        let count = self.count(size_of::<T>())?;
        let pad = self.u8()?;
        self.take(pad as usize)?;
        let bytes = self.take(count * size_of::<T>())?;
        if cfg!(target_endian = "little")
            && let Ok(in_place) = bytemuck::try_cast_slice::<u8, T>(bytes)
        {
            return Ok(Cow::Borrowed(in_place));
        }
        let mut copy = vec![T::zeroed(); count];
        let words: &mut [u32] = bytemuck::cast_slice_mut(&mut copy);
        for (word, le) in words.iter_mut().zip(bytes.chunks_exact(4)) {
            *word = u32::from_le_bytes([le[0], le[1], le[2], le[3]]);
        }
        Ok(Cow::Owned(copy))
    }

    /// Items of any kind, each read by `read`.
    pub(crate) fn list<T>(
        &mut self,
        mut read: impl FnMut(&mut Self) -> Result<T, ImageError>,
    ) -> Result<Vec<T>, ImageError> {
        let count = self.count(1)?;
        let mut items = Vec::with_capacity(count);
        for _ in 0..count {
            items.push(read(self)?);
        }
        Ok(items)
    }
}

/// Gives a field-less enum a one-byte code in images: `image_code` and `from_image_code`.
/// Every variant must be listed; the exhaustive match makes a forgotten one a compile error.
macro_rules! stored_enum {
    ($name:ident { $($variant:ident),+ $(,)? }) => {
        impl $name {
            pub(crate) fn image_code(self) -> u8 {
                match self {
                    $($name::$variant => $name::$variant as u8),+
                }
            }

            #[allow(dead_code, reason = "each enum uses one of the two readers")]
            pub(crate) fn from_code(code: u8) -> Option<Self> {
                [$($name::$variant),+].into_iter().find(|v| *v as u8 == code)
            }

            #[allow(dead_code, reason = "each enum uses one of the two readers")]
            pub(crate) fn from_image_code(
                reader: &mut $crate::image::Reader<'_>,
            ) -> Result<Self, $crate::image::ImageError> {
                let code = reader.u8()?;
                Self::from_code(code).ok_or_else(|| reader.error(concat!("unknown ", stringify!($name))))
            }
        }
    };
}
pub(crate) use stored_enum;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_read_back_as_written() {
        let mut writer = Writer::new();
        writer.u8(7);
        writer.bool(true);
        writer.u32(0xDEAD_BEEF);
        writer.u64(u64::MAX - 1);
        writer.str("Zelenskyy’s");
        writer.option_str(None);
        writer.option_str(Some("Kyiv"));
        writer.strs(&["a", "", "b c"]);
        writer.table(&[1u32, 2, u32::MAX]);
        writer.list(&[10u32, 20], |w, v| w.u32(v + 1));
        let bytes = writer.finish();
        let mut reader = Reader::new(&bytes).unwrap();
        assert_eq!(reader.u8().unwrap(), 7);
        assert!(reader.bool().unwrap());
        assert_eq!(reader.u32().unwrap(), 0xDEAD_BEEF);
        assert_eq!(reader.u64().unwrap(), u64::MAX - 1);
        assert_eq!(reader.str().unwrap(), "Zelenskyy’s");
        assert_eq!(reader.option_string().unwrap(), None);
        assert_eq!(reader.option_string().unwrap().as_deref(), Some("Kyiv"));
        assert_eq!(reader.strings().unwrap(), ["a", "", "b c"]);
        assert_eq!(&*reader.table::<u32>().unwrap(), [1, 2, u32::MAX]);
        assert_eq!(reader.list(Reader::u32).unwrap(), [11, 21]);
        assert!(reader.is_done());
    }

    #[test]
    fn tables_are_read_in_place_when_aligned_and_copied_when_not() {
        let mut writer = Writer::new();
        writer.u8(1); // throws the table off alignment, which the writer pads back
        writer.table(&[7u32, 8, 9]);
        writer.table(&[[1u32, 2], [3, 4]]);
        let bytes = writer.finish();
        // Aligned: a buffer of u64 words, viewed as bytes.
        let mut words = vec![0u64; bytes.len().div_ceil(8)];
        bytemuck::cast_slice_mut::<u64, u8>(&mut words)[..bytes.len()].copy_from_slice(&bytes);
        let aligned = &bytemuck::cast_slice::<u64, u8>(&words)[..bytes.len()];
        // Misaligned: the same bytes one further on.
        let mut shifted = vec![0u8; bytes.len() + 1];
        shifted[1..].copy_from_slice(&bytes);
        for (image, in_place) in [(aligned, cfg!(target_endian = "little")), (&shifted[1..], false)] {
            let mut reader = Reader::new(image).unwrap();
            reader.u8().unwrap();
            let numbers = reader.table::<u32>().unwrap();
            let pairs = reader.table::<[u32; 2]>().unwrap();
            assert_eq!(&*numbers, &[7, 8, 9]);
            assert_eq!(&*pairs, &[[1, 2], [3, 4]]);
            assert_eq!(matches!(numbers, Cow::Borrowed(_)), in_place);
            assert!(reader.is_done());
        }
    }

    #[test]
    fn every_truncation_is_an_error() {
        let mut writer = Writer::new();
        writer.strs(&["Tirana", "Tehran"]);
        writer.table(&[5u32; 9]);
        let bytes = writer.finish();
        for end in 0..bytes.len() {
            let result = Reader::new(&bytes[..end]).and_then(|mut r| {
                r.strings()?;
                r.table::<u32>()
            });
            assert!(result.is_err(), "cut at {end} was read");
        }
    }

    #[test]
    fn a_foreign_header_is_refused() {
        assert!(Reader::new(b"PK\x03\x04 not an image").is_err());
        let mut bytes = Writer::new().finish();
        bytes[MAGIC.len()] ^= 1;
        let message = Reader::new(&bytes).unwrap_err().to_string();
        assert!(message.contains("format"), "{message}");
    }

    #[test]
    fn a_damaged_count_does_not_allocate_past_the_image() {
        let mut bytes = Writer::new().finish();
        bytes.extend_from_slice(&u32::MAX.to_le_bytes());
        let mut reader = Reader::new(&bytes).unwrap();
        assert!(reader.table::<u32>().is_err());
    }
}
