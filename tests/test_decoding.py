"""Encodings: cp1252 is not read as another single-byte code page, and the others are still told apart."""
from __future__ import annotations

import pytest

from analysis.corpus import load_bytes
from analysis.decoding import decode

LONG_ENGLISH = (
    "Hungarian Prime Minister Viktor Orbán met Vladimir Putin on Tuesday. “It was a good meeting,” said the "
    "spokesman — the so-called special operation was discussed. Critics called it “treasonous”. The naïve "
    "façade of the café’s rôle was noted by Müller and Gérard.\n"
) * 6

SAMPLES = [
    # Windows-1252: short and long English with accents and smart quotes, and Western languages.
    ("cp1252", "CP1252 Orbán meets Putin\n\nBy Jane Doe\n\nViktor Orbán met Vladimir Putin on Tuesday. “It was a “good” meeting,” said the spokesman. Critics called it “treasonous”."),
    ("cp1252", "Orbán and Szijjártó met Putin. “We are not naïve,” said Gyöngyösi at the café — it cost 5 €.\n" * 3),
    ("cp1252", "Orbán met Putin. “It was good,” he said — naïve?"),
    ("cp1252", "The café’s owner, José Muñoz, said the crème brûlée was “très bon” — and cost 5 €."),
    ("cp1252", "Søren Kierkegaard and Ångström visited São Paulo; Françoise à la carte. “Fine,” he said…"),
    ("cp1252", LONG_ENGLISH),
    ("cp1252", "Le président a déclaré qu’il était « très préoccupé » par la situation à l’est. Les élèves ont été reçus à l’école où ils ont dû répondre à des questions sur l’œuvre de Molière."),
    ("cp1252", "O governo não confirmou a informação. As negociações entre São Paulo e Brasília continuam, disse o ministro."),
    ("cp1252", "¿Qué pasó en la reunión? El señor Núñez explicó que la situación económica de España había mejorado."),
    ("latin-1", "Orbán met Putin in Moscow on Tuesday. The meeting lasted three hours and covered gas supplies."),
    ("latin-1", "Orbán és Szijjártó találkoztak a moszkvai tárgyaláson, ahol a béke volt a téma."),
    # Windows-1250: Hungarian (ő, ű), Polish, Czech.
    ("cp1250", "Orbán Viktor miniszterelnök kedden találkozott Vlagyimir Putyinnal. A kormányszóvivő szerint a tárgyalások jó hangulatban zajlottak, és több fontos kérdésről is egyeztettek."),
    ("cp1250", "A kormány szerint ő nem felelős a hűtlen kezelésért, és győzni fognak."),
    ("cp1250", "Premier Węgier spotkał się w Moskwie z prezydentem Rosji. Według rzecznika rządu rozmowy przebiegały w dobrej atmosferze."),
    ("cp1250", "Żółć gęślą jaźń. Łódź się zgodziła."),
    ("cp1250", "Maďarský premiér Viktor Orbán se v úterý setkal s ruským prezidentem. Příliš žluťoučký kůň úpěl ďábelské ódy."),
    # Cyrillic, Greek, Turkish, CJK.
    ("cp1251", "Премьер-министр Венгрии Виктор Орбан встретился во вторник с президентом России Владимиром Путиным."),
    ("cp1251", "Орбан встретился с Путиным во вторник."),
    ("cp1253", "Ο πρωθυπουργός της Ουγγαρίας συναντήθηκε με τον πρόεδρο της Ρωσίας την Τρίτη. Σύμφωνα με τον εκπρόσωπο, οι συνομιλίες ήταν εποικοδομητικές."),
    ("cp1254", "Macaristan Başbakanı Salı günü Rusya Devlet Başkanı ile görüştü. Sözcüye göre görüşmeler olumlu bir havada geçti."),
    ("cp1256", "التقى رئيس وزراء المجر بالرئيس الروسي يوم الثلاثاء في بكين، وقال المتحدث إن المحادثات كانت بناءة."),
    ("cp1255", "ראש ממשלת הונגריה נפגש ביום שלישי עם נשיא רוסיה בבייג'ינג, ולדברי הדובר השיחות היו בונות."),
    ("cp874", "นายกรัฐมนตรีฮังการีพบประธานาธิบดีรัสเซียเมื่อวันอังคาร การเจรจาเป็นไปด้วยดี"),
    ("shift_jis", "ハンガリーのオルバン首相は火曜日、ロシアのプーチン大統領と会談した。報道官によると、会談は建設的な雰囲気の中で行われた。"),
    ("gb18030", "匈牙利总理欧尔班周二与俄罗斯总统普京会面。据发言人称，会谈在建设性的气氛中进行。"),
]


@pytest.mark.parametrize("encoding,text", SAMPLES, ids=[f"{e}-{t[:12]}" for e, t in SAMPLES])
def test_single_byte_and_cjk_texts_decode_to_their_own_letters(encoding, text):
    decoded = decode(text.encode(encoding))
    assert decoded.text == text, (decoded.encoding, decoded.text[:80])


def test_utf16_without_byte_order_mark_is_still_read():
    text = "UTF16LE Orbán meets Putin\n\nBy Jane Doe\n\nViktor Orbán met Vladimir Putin on Tuesday. “It was a “good” meeting,” said the spokesman."
    decoded = decode(text.encode("utf-16-le"))
    assert decoded.text == text and decoded.encoding == "utf_16_le"


def test_cp1252_is_named_cp1252_even_when_latin1_or_cp1250_decode_the_same():
    for text in ("Orbán met Putin in Moscow on Tuesday.", "Der Bundeskanzler äußerte sich am Dienstag über die Größe."):
        assert decode(text.encode("cp1252")).encoding == "cp1252"


def test_utf8_and_boms_are_kept_and_only_detected_encodings_get_a_note():
    text = "Orbán met Putin — “talks”."
    assert decode(text.encode("utf-8")) == decode(text.encode("utf-8")) and decode(text.encode("utf-8")).note == ""
    assert decode(text.encode("utf-8")).text == text
    assert decode(text.encode("utf-16")).text == text
    assert decode(b"\xef\xbb\xbf" + text.encode("utf-8")).text == text
    assert "cp1252" in decode(text.encode("cp1252")).note


def test_a_coin_toss_between_code_pages_is_recorded_as_doubt():
    # "naïve" (cp1252) and "naďve" (cp1250) are both plausible spellings to an alphabet check: say so.
    note = decode("Orbán met Putin. “It was good,” he said — naïve?".encode("cp1252")).note
    assert note.startswith("cp1252") and "uncertain: cp1250" in note


def test_loaded_document_records_the_encoding_in_its_evidence():
    data = "Orbán meets Putin\n\nBy Jane Doe\n\nViktor Orbán met Vladimir Putin. Critics called it “treasonous”.".encode("cp1252")
    (doc,) = list(load_bytes("x.txt", "x.txt", data))
    assert "Orbán" in doc.text
    assert doc.evidence_for("encoding").startswith("cp1252 (detected")
    (plain,) = list(load_bytes("y.txt", "y.txt", "Orbán meets Putin.".encode("utf-8")))
    assert plain.evidence_for("encoding") == ""


class _CountingBytes(bytes):
    """Bytes that record each full decode of themselves."""

    def __init__(self, _data: bytes) -> None:
        self.decodes: list[str] = []

    def decode(self, encoding: str = "utf-8", errors: str = "strict") -> str:
        self.decodes.append(encoding)
        return bytes.decode(self, encoding, errors)


def test_code_pages_are_compared_without_decoding_the_whole_file_for_each():
    """Ten code pages compared on a large file meant ten full decodes and more: each charmap code page is judged
    from its byte table and the bytes the file holds; the file is decoded once, as the code page chosen."""
    from analysis.decoding import choose_single_byte

    text = "Orbán met Putin. “It was good,” he said — naïve? The café’s façade, Müller said.\n" * 50
    data = _CountingBytes(text.encode("cp1252"))
    chosen = choose_single_byte(data, "cp1257", ["cp1257", "cp1250", "cp1252"])
    assert chosen == choose_single_byte(bytes(data), "cp1257", ["cp1257", "cp1250", "cp1252"])
    assert chosen[0] == "cp1252" and "first guess cp1257 reads 150 character(s) otherwise" in chosen[1]
    assert data.decodes == []
    decoded = decode(data)
    assert decoded.text == text and decoded.encoding == "cp1252"
    assert data.decodes == ["utf-8", "cp1252"]  # UTF-8 tried first, then the one reading


class _ScanCountingBytes(bytes):
    """Bytes that count how often they are searched for a byte (`byte in data`)."""

    def __new__(cls, value: bytes):
        made = super().__new__(cls, value)
        made.scans = 0
        return made

    def __contains__(self, item) -> bool:
        self.scans += 1
        return bytes.__contains__(self, item)


def test_code_pages_are_checked_for_their_undefined_bytes_from_the_byte_counts():
    """cp1252 leaves five bytes above ASCII undefined: whether the file holds them is read from the counts of the
    bytes above ASCII, not by searching the file once for each."""
    from analysis.decoding import _Readings

    data = _ScanCountingBytes("Orbán met Putin; the café’s façade.\n".encode("cp1252") * 100)
    readings = _Readings(data)
    assert readings.byte_by_byte("cp1252") and readings.byte_by_byte("cp1250")
    assert not _Readings(data + b"\x81").byte_by_byte("cp1252")
    assert data.scans == 0


def test_byte_tables_read_each_byte_as_decoding_it_alone():
    import encodings
    import pkgutil

    from analysis.decoding import _byte_table

    tables = 0
    for module in pkgutil.iter_modules(encodings.__path__):
        table = _byte_table(module.name)
        if table is None:
            continue
        tables += 1
        expected = []
        for byte in range(256):
            try:
                expected.append(bytes((byte,)).decode(module.name))
            except UnicodeDecodeError:
                expected.append(None)
        assert table == tuple(expected), module.name
    assert tables > 50  # cp1250-1258, ISO-8859, Mac, KOI8 …


def test_high_byte_contexts_count_each_byte_above_ascii_with_its_neighbours():
    import random
    from collections import Counter

    from analysis.decoding import _high_byte_contexts

    rng = random.Random(3)
    for _ in range(300):
        data = bytes(rng.choice([32, 97, 0xE9, 0x80, 0xFF, rng.randrange(256)]) for _ in range(rng.randint(0, 20)))
        padded = b" " + data + b" "
        expected = Counter(padded[k - 1:k + 2] for k in range(1, len(padded) - 1) if padded[k] >= 0x80)
        assert _high_byte_contexts(data) == expected
