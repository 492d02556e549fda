// Package search is the in-memory customer search index behind the
// Customers screen's filter-as-you-type (SPEC §6): 100,000 customers filtered
// on every keystroke, by name, remark (备注名), phone, WeChat ID, tag and the
// pinyin of the name and remark.
//
// # Matching
//
// A query is normalised first: full-width letters, digits and punctuation
// typed by Chinese input methods become half-width (ＺＳ → zs, １３８ → 138),
// the ideographic space becomes a space, and letters are lower-cased. It is
// then split on spaces into tokens, and an entry matches when every token
// matches (AND). An empty query, or one made only of spaces and the phone
// punctuation "-+().", matches every entry.
//
// A query made only of digits, spaces and phone punctuation ("138 0013",
// "021-5555") is one token, the digits joined: people type a number in
// groups, and the groups are one number.
//
// A token matches an entry when one of these holds:
//
//   - it is a substring of the name, the remark, the WeChat ID or one of the
//     tags (case-insensitive, after the normalisation above; a token never
//     spans two fields);
//   - it is made of digits and phone punctuation ("138-0013"), and its digits
//     are a substring of one of the phone numbers, whose spaces, dashes and
//     brackets are ignored (domain.NormalizePhone);
//   - it contains a letter or a non-ASCII character, is at most 63 bytes
//     long (21 Chinese characters), and can be consumed along consecutive
//     characters of the name (or of the remark), starting at any character:
//     each character consumes either itself (Latin letters and digits in a
//     name too), or one of its pinyin readings in full, or a non-empty prefix
//     of one; the token may end in the middle of a reading. So 张三 is found by zs, zhangs, zhs,
//     zhangsan, zhang, 张s and 张san (and by the two tokens "zhang san"), but
//     not by sz or sanz. Spaces and punctuation inside a name or remark are
//     skipped ("Lily 王" is found by lilyw); a name and its remark are never
//     consumed as one run.
//
// Readings come from github.com/mozillazg/go-pinyin (without tones; ü is
// written v as input methods do, and u is accepted too: 吕 is lv and lu).
// A character that has several readings matches every one of them (乐 le or
// yue, 长 chang or zhang, 重 zhong or chong, 行 xing or hang), except the
// surname of a name (domain.Surname), which is read as a surname: 曾 zeng
// (never ceng), 单 shan, 解 xie, 区 ou, 仇 qiu, 朴 piao, 查 zha, 盖 ge or gai,
// and a compound surname character by character, 欧阳 ou yang, 尉迟 yu chi,
// 万俟 mo qi. A surname outside the table keeps all its readings. Remarks are
// free text ("曾姐（瑜伽）", "重要客户"), so their characters keep all their
// readings. Tags, WeChat IDs and phones are matched as text only, never by
// pinyin: "zs" should not list every customer tagged 钻石.
//
// # Speed
//
// Everything a keystroke needs is computed when an entry is indexed: one
// folded haystack per entry (fields separated by NUL bytes, phones as
// digits), the name and remark as a sequence of small "character class" ids
// (a character together with the readings it has in that position: 曾 as a
// surname and 曾 elsewhere are two classes), and a prefilter — bit sets of
// the characters the entry can match as text and by pinyin, and of the
// letters its readings start with — that rejects most entries with a few
// ANDs. For each query token a table gives, for every class and every
// position in the token, the set of positions that class can advance to, so
// matching a name is one table look-up per character on a 64-bit set of
// positions: no allocation, no backtracking. A search makes one pass over
// the entries, each checked against every token in turn.
//
// On the 2-core development machine, 100,000 generated customers: a full
// search takes 0.4–5 ms whatever the query shape (the slowest are one
// letter, or several one-letter tokens, which most entries match), a
// keystroke in a Filter less; building the index takes 100–250 ms and keeps
// about 17 MB. The benchmarks in bench_test.go measure it
// (go test -run '^$' -bench . -benchmem ./domain/search/).
//
// Filter adds the incremental form for a search box: when the new query only
// extends the previous one (each previous token is a prefix of a new token),
// only the previous results are rechecked, and going back (backspace) to a
// query seen before returns its kept result.
package search
