"""Extraction reads a new article as a careful analyst does: short articles written for the
purpose, each exercising one pattern (appositive names, descriptions, acronyms, weekday
dates against a dateline, two-sentence quotes with the cue after, headlines)."""

import re
from dataclasses import replace

import pytest

from quotes.extract import extract
from quotes.extract.dates import dateline, said_in
from quotes.extract.draft import body_opening, draft_source, draft_yaml
from quotes.extract.layout import body_start, headline
from quotes.extract.registry import Registry
from quotes.extract.sentences import sentences
from quotes.extract.typography import typeset


@pytest.fixture
def registry():
    registry = Registry()
    registry.add_speaker(
        "zamir-kabulov",
        "Zamir Kabulov",
        ["Kabulov"],
        roles=["Special Presidential Envoy for Afghanistan of Russia"],
    )
    registry.add_speaker(
        "sergei-lavrov",
        "Sergei Lavrov",
        ["Lavrov"],
        roles=["Minister of Foreign Affairs of Russia"],
    )
    registry.add_speaker("taliban", "Taliban", ["Taliban movement"], person=False)
    registry.add_speaker(
        "afghan-foreign-ministry",
        "Afghan Ministry of Foreign Affairs",
        ["Afghan Foreign Ministry"],
        person=False,
    )
    return registry


def drafted(text: str, registry, published: str | None = None) -> tuple[str, int]:
    """The draft of ``text`` as `quotes extract` writes it, and its number of candidates."""
    return draft_source(
        text, registry=registry, text_path="t.txt", title="t", published=published, sha256="0"
    )


def speakers(found):
    return [(c.speaker_as_written, c.speaker_key) for c in found]


# An invented wire story: a headline, a dateline without its year, weekdays, an appositive.
WIRE = (
    "Kabulov says Moscow talks will go on\n"
    "\n"
    "MOSCOW, May 28 /TASS/. Russia’s special envoy for Afghanistan, Zamir Kabulov, said on "
    "Monday that the next round would open in June.\n"
    "\n"
    "The talks began in February 2019 and have met four times since.\n"
)


def test_an_appositive_name_beside_a_role_is_the_speaker(registry):
    (c,) = extract(WIRE, registry=registry, published="2019-05-28")
    assert c.speaker_key == "zamir-kabulov"
    assert c.cue == "said"
    assert c.text.startswith("said on Monday that the next round would open in June")


def test_a_weekday_resolves_against_the_dateline(registry):
    draft, count = draft_source(
        WIRE, registry=registry, text_path="wire.txt", title="t", published=None, sha256="0"
    )
    # The dateline says May 28; the text names 2019; May 28, 2019 was a Tuesday, so
    # "on Monday" is May 27.
    assert '  published: "2019-05-28"  # from the dateline “MOSCOW, May 28 /TASS/”' in draft
    assert '  publication: "TASS"' in draft
    assert "    said: 2019-05-27\n" in draft
    assert '    said_as_written: "on Monday"\n    said_basis: resolved' in draft
    assert count == 1


def test_the_headline_is_left_out_unless_asked_for(registry):
    assert body_start(WIRE) == WIRE.index("MOSCOW")
    assert all(c.content_start > WIRE.index("MOSCOW") for c in extract(WIRE, registry=registry))
    with_headline = extract(WIRE, registry=registry, headlines=True)
    assert any(c.content_start < WIRE.index("MOSCOW") for c in with_headline)


def test_a_two_sentence_quote_with_its_cue_after_is_one_direct_statement(registry):
    text = (
        "Zamir Kabulov arrived in Doha on Sunday.\n\n"
        "“We will not leave the table. Our work here is not done,” the envoy noted.\n"
    )
    (c,) = extract(text, registry=registry)
    assert (c.kind, c.text, c.cue) == (
        "direct",
        "We will not leave the table. Our work here is not done",
        "noted",
    )
    assert c.speaker_as_written == "the envoy"
    assert c.speaker_key == "zamir-kabulov"


def test_a_quotation_signed_with_a_name_is_that_speaker_s(registry):
    text = (
        "The talks in Moscow ended on Sunday.\n"
        "“Nobody asked us. The talks are about us without us.” ― Farida Noori\n"
        "“I hope for peace, but I do not trust them.” — Ahmad Wali Karimi.\n"
    )
    for model in (False, True):
        first, second = extract(text, registry=registry, model=model)
        assert (first.kind, first.cue, first.speaker_as_written) == ("direct", "―", "Farida Noori")
        assert first.text == "Nobody asked us. The talks are about us without us"
        assert (second.cue, second.speaker_as_written) == ("—", "Ahmad Wali Karimi")


def test_a_transcript_line_inside_quotation_marks_is_its_speaker_s(registry):
    text = (
        "Partial transcript as follows:\n\n"
        '"HOST: Will the delegation stay in Moscow?\n\n'
        '"KABULOV: The delegation stays as long as the talks go on."\n'
    )
    found = extract(text, registry=registry)
    assert [(c.speaker_as_written, c.cue) for c in found] == [("HOST", ":"), ("KABULOV", ":")]
    assert found[1].speaker_key == "zamir-kabulov"


def test_a_quotation_resumed_after_its_cue_is_one_statement(registry):
    text = (
        "Zamir Kabulov spoke after the meeting.\n\n"
        "“We will stay in Moscow,” Kabulov said. “The talks go on until there is an agreement.”\n"
    )
    (c,) = extract(text, registry=registry)
    assert (c.kind, c.cue, c.speaker_key) == ("direct", "said", "zamir-kabulov")
    assert c.text == (
        "We will stay in Moscow,” Kabulov said. “The talks go on until there is an agreement"
    )
    assert text[c.content_start : c.content_end] == "“" + c.text + ".”"


def test_descriptions_resolve_to_the_body_named_before_and_the_role_in_the_registry(registry):
    text = (
        "The Taliban movement sent a delegation to Moscow.\n\n"
        "The group said that foreign troops must leave first.\n\n"
        "Russia’s top diplomat said that the meeting had been productive.\n"
    )
    group, diplomat = extract(text, registry=registry)
    assert (group.speaker_as_written, group.speaker_key) == ("The group", "taliban")
    assert (diplomat.speaker_as_written, diplomat.speaker_key) == (
        "Russia’s top diplomat",
        "sergei-lavrov",
    )


def test_an_acronym_defined_in_the_text_names_the_body(registry):
    text = (
        "The Afghan Ministry of Foreign Affairs (MoFA) summoned the ambassador.\n\n"
        "MoFA said that the meeting in Moscow was a mistake.\n"
    )
    (c,) = extract(text, registry=registry)
    assert (c.speaker_as_written, c.speaker_key) == ("MoFA", "afghan-foreign-ministry")


def test_a_speaker_is_never_half_a_parenthesis(registry):
    # The rules read the subject after the last boundary before the cue; "(" was one, so
    # the rules' speaker here was "MoFA)".
    text = (
        "On Sunday the Afghan Ministry of Foreign Affairs (MoFA) warned that the talks would "
        "fail.\n"
    )
    for model in (False, True):
        (c,) = extract(text, registry=registry, model=model)
        assert c.speaker_as_written == "the Afghan Ministry of Foreign Affairs (MoFA)"
        assert c.speaker_key == "afghan-foreign-ministry"


@pytest.mark.parametrize(
    "sentence",
    [
        "The Afghan Foreign Ministry spokesman, Sibghatullah Ahmadi, said the talks had no "
        "legitimacy.",
        "Sibghatullah Ahmadi, the Afghan Foreign Ministry spokesman, said the talks had no "
        "legitimacy.",
        "“The talks have no legitimacy,” Afghan Foreign Ministry spokesman Sibghatullah Ahmadi "
        "said.",
        "“The talks have no legitimacy,” the Afghan Foreign Ministry’s spokesman Sibghatullah "
        "Ahmadi told reporters.",
        "“The talks have no legitimacy,” said the spokesman of the Afghan Foreign Ministry, "
        "Sibghatullah Ahmadi.",
    ],
)
def test_a_spokesman_named_beside_the_body_is_the_speaker_not_the_body(registry, sentence):
    (c,) = extract(f"Kabul rejected the Moscow meeting.\n\n{sentence}\n", registry=registry)
    assert c.speaker == "Sibghatullah Ahmadi"
    assert c.speaker_key is None  # not in the registry: not the ministry either
    assert "spokesman" in c.role


def test_an_unnamed_spokesman_is_not_the_body_but_the_body_is_offered(registry):
    text = "The Afghan Foreign Ministry spokesman said the talks had no legitimacy.\n"
    (c,) = extract(text, registry=registry)
    assert c.speaker_key is None
    assert c.speaker == "The Afghan Foreign Ministry spokesman"
    assert c.speaker_options == ["afghan-foreign-ministry"]


def test_the_body_itself_is_still_the_body(registry):
    text = "The Afghan Foreign Ministry said on Sunday that the talks had no legitimacy.\n"
    (c,) = extract(text, registry=registry)
    assert c.speaker_key == "afghan-foreign-ministry"


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        (
            "The Kabul Chamber of Commerce just announced that exports rose.",
            "The Kabul Chamber of Commerce",
        ),
        ("Mr. Karimi often says that the border must stay open.", "Mr. Karimi"),
        ("Some ministers privately warned that the talks would fail.", "Some ministers"),
        ("The election commission in 2019 said that turnout was low.", "The election commission"),
        ("Megyn Kelly said that the debate would go ahead.", "Megyn Kelly"),
    ],
)
def test_an_adverb_between_speaker_and_cue_is_not_the_speaker_s(registry, sentence, speaker):
    (c,) = [c for c in extract(sentence + "\n", registry=registry) if c.cue_start is not None]
    assert c.speaker_as_written == speaker


def test_a_misspelt_repeat_of_a_name_is_the_same_speaker(registry):
    text = (
        "Zamir Kabulov met the delegation.\n\n"
        "Analysts expect little from the meeting.\n\n"
        "Kabulow said that the delegation had made no promises.\n"
    )
    found = [c for c in extract(text, registry=registry) if c.cue == "said"]
    assert speakers(found) == [("Kabulow", "zamir-kabulov")]


def test_discourse_words_and_dates_are_not_part_of_the_speaker(registry):
    text = (
        "Reports, however, said that the convoy had been turned back.\n\n"
        "The ministry on Friday said that the border would stay closed.\n"
    )
    found = extract(text, registry=registry)
    assert [c.speaker_as_written for c in found] == ["Reports", "The ministry"]


def test_a_quotation_is_not_its_own_speaker(registry):
    text = "“Everyone knows the talks failed,” Lavrov said.\n"
    (c,) = extract(text, registry=registry)
    assert (c.kind, c.speaker_as_written, c.speaker_key) == ("direct", "Lavrov", "sergei-lavrov")


def test_a_partial_quote_inside_reported_speech_is_partial(registry):
    text = "Lavrov said that the West had behaved in a “provocative” way.\n"
    (c,) = extract(text, registry=registry)
    assert c.kind == "partial"
    assert c.text == "said that the West had behaved in a “provocative” way"


@pytest.mark.parametrize(
    ("sentence", "published", "said"),
    [
        ("He said on Monday that", "2019-05-29", ("2019-05-27", "on Monday", "resolved")),
        ("He said yesterday that", "2019-05-29", ("2019-05-28", "yesterday", "resolved")),
        ("He said last week", "2019-05-29", ("2019-05-20/2019-05-26", "last week", "resolved")),
        (
            "Earlier this month, he said",
            "2019-05-29",
            ("2019-05-01/2019-05-29", "Earlier this month", "resolved"),
        ),
        (
            "In late April, he said",
            "2019-05-29",
            ("2019-04-21/2019-04-30", "In late April", "resolved"),
        ),
        ("On November 9, he said", "2019-06", ("2018-11-09", "On November 9", "resolved")),
        ("On December 26, 2016, he said", None, ("2016-12-26", "On December 26, 2016", "stated")),
        ("He said on Monday that", "2019-05", None),  # a weekday needs the day of publication
    ],
)
def test_dates_against_the_publication_date(sentence, published, said):
    assert said_in(sentence, published) == said


@pytest.mark.parametrize(
    ("sentence", "said"),
    [
        ("Belova said earlier in the day that", ("2026-06-04", "earlier in the day", "resolved")),
        ("Reyes said later on Tuesday that", ("2026-06-02", "later on Tuesday", "resolved")),
        ("Reyes said on Tuesday evening that", ("2026-06-02", "on Tuesday evening", "resolved")),
        ("Kessel said this morning that", ("2026-06-04", "this morning", "resolved")),
        ("Overnight, Kessel said", ("2026-06-03/2026-06-04", "Overnight", "resolved")),
        ("Kessel said this morning's vote", None),  # the vote's morning
    ],
)
def test_parts_of_the_day_against_the_publication_day(sentence, said):
    """ "earlier in the day", "this morning", "overnight" were left undated (Thursday is
    2026-06-04)."""
    assert said_in(sentence, "2026-06-04") == said


def test_a_live_blogs_time_stamps_date_the_entries_under_them_and_say_nothing(registry):
    """ "14:05 GMT" and "Updated 3:40 p.m." on lines of their own: no statement nor speaker,
    and a statement under one is said on the day of publication; a part of the day after
    the cue is no part of the cue ("said this morning")."""
    text = (
        "Live: Harbour strike enters third day\n\n"
        "14:05 GMT\n\n"
        "Union leader Marta Belova said earlier in the day that the strike would go on.\n\n"
        "Updated 3:40 p.m.\n\n"
        "The mayor, Ivan Kessel, said this morning that the city would help. Kessel said "
        "overnight talks had failed.\n"
    )
    found = extract(text, registry=registry, published="2026-06-04")
    assert [(c.speaker, c.cue, c.said, c.said_as_written, c.said_basis) for c in found] == [
        ("Marta Belova", "said", "2026-06-04", "earlier in the day", "resolved"),
        ("Ivan Kessel", "said", "2026-06-04", "this morning", "resolved"),
        ("Ivan Kessel", "said", "2026-06-04", "Updated 3:40 p.m.", "inferred"),
    ]
    unstamped = text.replace("14:05 GMT", "Quay").replace("Updated 3:40 p.m.", "Quay")
    undated = extract(unstamped, registry=registry, published="2026-06-04")
    assert undated[-1].said == "../2026-06-04"  # no stamp above it: by its publication


def test_datelines():
    line = dateline("KABUL, Feb. 5, 2019 (Reuters) - The Taliban said")
    assert (line.city, line.agency, line.published) == ("KABUL", "Reuters", "2019-02-05")
    line = dateline("Headline\n\nKABUL (Reuters) - The Taliban said")
    assert (line.city, line.agency, line.published) == ("KABUL", "Reuters", None)
    assert dateline("The Taliban said on Monday that talks would resume.") is None


def test_the_registry_is_matched_in_one_pass_whatever_its_size():
    registry = Registry()
    for i in range(5000):
        registry.add_speaker(f"speaker-{i}", f"Person Number{i}", [f"Number{i}"])
    registry.add_speaker("sergei-lavrov", "Sergei Lavrov", ["Lavrov", "Sergey Lavrov"])
    assert registry.speaker_in("Russian Foreign Minister Sergey Lavrov’s") == (
        "sergei-lavrov",
        "Sergey Lavrov",
    )
    assert registry.speaker_in("the envoy") == (None, None)
    assert registry.speakers.find("Number17 met Lavrov.") == [
        (0, 8, "speaker-17"),
        (13, 19, "sergei-lavrov"),
    ]
    assert registry.closest("Sergei Lavrow") == ["sergei-lavrov"]


def test_a_reader_ties_a_surname_and_a_description_to_names_not_in_the_registry():
    registry = Registry()
    registry.add_speaker("russian-government", "Government of Russia", ["Russia"], person=False)
    text = (
        "Russia’s special envoy for Afghanistan, Zamir Kabulov, said that talks would go on.\n\n"
        "The Hezb-e Wahdat movement sent a delegation. The group said that it wanted a truce.\n\n"
        "“We will not leave the table,” Kabulov noted.\n"
    )
    envoy, group, quote = extract(text, registry=registry)
    # Russia is whose envoy he is, not the speaker; nobody here is in the registry.
    assert (envoy.speaker, envoy.speaker_key, envoy.role) == (
        "Zamir Kabulov",
        None,
        "Russia’s special envoy for Afghanistan",
    )
    assert (group.speaker_as_written, group.speaker) == ("The group", "Hezb-e Wahdat movement")
    assert (quote.speaker_as_written, quote.speaker) == ("Kabulov", "Zamir Kabulov")


def test_a_surname_after_a_courtesy_title_is_the_person_named_before():
    text = (
        "In Tula, Ivan Orlov, the mayor, defended the plan on Monday.\n\n"
        "“This is not a tax,” Mr. Orlov said.\n\n"
        "At the market, Marta Belova, a farmer, said that the fee was too high.\n\n"
        "“It is a tax,” Ms. Belova said.\n"
    )
    speakers = [(c.speaker_as_written, c.speaker) for c in extract(text, registry=Registry())]
    assert ("Mr. Orlov", "Ivan Orlov") in speakers
    assert ("Ms. Belova", "Marta Belova") in speakers


def test_a_name_between_its_title_and_its_body_and_its_surname_after_it():
    """ "Analyst Marta Belova of the Steppe Trade Institute said", opening its paragraph,
    where reading the text alone takes no name: the name is Marta Belova, the rest her role,
    and "Belova" in the next paragraph is she."""
    text = (
        "Talks stall in Almaty\n\n"
        "Analyst Marta Belova of the Steppe Trade Institute said the dispute ran deep.\n\n"
        "“Nobody wants to give ground,” Belova said.\n"
    )
    first, second = extract(text, registry=Registry())
    assert (first.speaker, first.role) == ("Marta Belova", "Analyst of the Steppe Trade Institute")
    assert (second.speaker_as_written, second.speaker) == ("Belova", "Marta Belova")


def test_a_titled_name_with_an_appositive_and_a_surname_with_a_relative_clause():
    """ "Former deputy minister Ivan Orlov, now a consultant, said": Ivan Orlov, the rest his
    role; "said Orlov, who led the talks": Orlov (the words as written keep the clause)."""
    text = (
        "In Tula, Former deputy minister Ivan Orlov, now a consultant, said the plan would fail."
        "\n\n“Water is the one thing we cannot trade,” said Orlov, who led the 2018 talks.\n"
    )
    first, second = extract(text, registry=Registry())
    assert (first.speaker, first.role) == ("Ivan Orlov", "Former deputy minister, now a consultant")
    assert second.speaker_as_written.startswith("Orlov, who led")  # the span is the tagger's
    assert second.speaker == "Ivan Orlov"


def test_an_age_a_title_and_both_are_not_the_speaker_s_name():
    """ "Kyrgyz President Ivan Orlov" is Ivan Orlov; "Orlov, 58," and "Both Orlov and ..."
    later are he; "said late Saturday they ..." was said on Saturday."""
    text = (
        "BISHKEK, June 9 (AP) - Kyrgyz President Ivan Orlov said on Sunday that the border "
        "would hold.\n\n"
        "Orlov, 58, told a news conference that troops would stay.\n\n"
        "Both Orlov and Tajik President Marta Belova said late Saturday they were ready to meet.\n"
    )
    found = extract(text, registry=Registry(), published="2026-06-09")  # a Tuesday
    assert [c.speaker for c in found] == ["Ivan Orlov"] * 3 + ["Marta Belova"]
    assert [c.speaker_as_written for c in found[1:3]] == ["Orlov, 58,", "Orlov"]
    assert [(c.said, c.said_basis) for c in found[2:]] == [("2026-06-06", "resolved")] * 2


def test_a_statement_from_a_body_is_the_body_s_and_its_verb_the_cue():
    """ "A statement from the Steppe ministry accused ...": the cue is "accused", the words
    what follows, the speaker the ministry; "forces" after the body does not end it as "for"
    would ("the calls from X for ...")."""
    text = "A statement from the Steppe ministry accused border forces of opening fire first.\n"
    (found,) = extract("Clash at the border\n\n" + text, registry=Registry())
    assert (found.cue, found.speaker) == ("accused", "the Steppe ministry")
    assert found.text.endswith("border forces of opening fire first")


def test_a_person_s_body_and_an_unnamed_person_of_a_body():
    """ "her ministry" after a minister is her ministry, not the last body named ("the Steppe
    government"); "a senior executive at Steppegaz" is someone the source does not name."""
    text = (
        "The Steppe government said on Monday that talks would resume.\n\n"
        "Energy Minister Marta Belova wrote that Astana was open. Her ministry said the project "
        "was sound.\n\n"
        "“It is a question of price,” said a senior executive at Steppegaz.\n"
    )
    found = extract(text, registry=Registry())
    ministry = next(c for c in found if c.speaker_as_written == "Her ministry")
    assert ministry.speaker == "Her ministry" and not ministry.speaker_resolved
    executive = found[-1]
    assert (executive.speaker, executive.speaker_unnamed) == (
        "a senior executive at Steppegaz",
        True,
    )


def test_the_dateline_is_not_the_speaker_s_and_another_statement_s_date_not_this_one_s():
    """ "ASTANA, September 2 (Reuters) - Hundreds of farmers rallied ..., demanding": the
    farmers, not the dateline; "“...,” she said, adding that the ban would be reviewed in
    October": October is what she added about, not when she said the quotation."""
    text = (
        "Farmers protest\n\n"
        "ASTANA, September 2 (Reuters) - Hundreds of farmers rallied on Tuesday, demanding an "
        "end to the ban.\n\n"
        "Minister Marta Belova defended it. “Food comes first,” she said, adding that the ban "
        "would be reviewed in October.\n"
    )
    found = extract(text, registry=Registry(), published="2026-09-02")  # a Wednesday
    farmers = found[0]
    assert (farmers.speaker_as_written, farmers.said) == ("Hundreds of farmers", "2026-09-01")
    quoted = next(c for c in found if c.kind == "direct")
    assert (quoted.said, quoted.said_basis) == ("../2026-09-02", "inferred")


def test_the_dateline_s_city_is_not_what_the_speaker_after_it_said():
    """ "TASHKENT, January 12 (Reuters) - Opposition leader X said on Sunday she would ...":
    her words are the rest of the sentence (the retrained tagger read no words for "said",
    and the rules' reading, "TASHKENT, ... X said", gave her the dateline's city)."""
    text = (
        "Opposition leader vows to fight election result\n\n"
        "TASHKENT, January 12 (Reuters) - Opposition leader Kamola Yusupova said on Sunday"
        " she would challenge the result of last week's parliamentary election in court.\n"
    )
    (said,) = extract(text, registry=Registry(), published="2026-03-14")
    assert (said.speaker, said.cue) == ("Kamola Yusupova", "said")
    assert text[said.content_start : said.content_end] == (
        "she would challenge the result of last week's parliamentary election in court"
    )
    assert said.said_as_written == "on Sunday"


def test_an_owned_description_is_not_the_last_person_named_nor_a_participle_the_speaker():
    """ "The Steppe movement's chief negotiator said" after "Ivan Orlov told" is someone of
    the movement's, not Orlov; "A movement spokesman, speaking by phone, said" is that
    spokesman, not "phone"."""
    text = (
        "Moscow's envoy, Ivan Orlov, told journalists that the delegation had arrived.\n\n"
        "The Steppe movement's chief negotiator said the group wanted troops out.\n\n"
        "A movement spokesman, speaking by phone, said the movement would not attend.\n"
    )
    envoy, negotiator, spokesman = extract(text, registry=Registry())
    assert envoy.speaker == "Ivan Orlov"
    assert negotiator.speaker == "The Steppe movement's chief negotiator"
    assert (spokesman.speaker, spokesman.speaker_unnamed) == ("A movement spokesman", True)


def test_a_name_never_runs_over_a_paragraph_break():
    """A byline's last words and the next paragraph's first word are not one name: "Steppe
    Review" then "Kazakhstan has long maintained" is Kazakhstan's."""
    text = (
        "Why the region hedges\n\nBy Staff of the Steppe Review\n\n"
        "Kazakhstan has long maintained that it will not take sides.\n"
    )
    (found,) = extract(text, registry=Registry())
    assert (found.speaker_as_written, found.speaker) == ("Kazakhstan", "Kazakhstan")


def test_a_capitalized_body_is_a_name_and_declining_to_be_named_no_statement():
    """ "the Steppe Foreign Ministry said" after "the Tundra government" is the Steppe
    Foreign Ministry, a name, not "the ministry" of the last government named; "who declined
    to be named" says why a diplomat goes unnamed, and is no statement."""
    text = (
        "Steppe called on the Tundra government to attend, the Steppe Foreign Ministry said.\n\n"
        "A Tundra diplomat, who declined to be named, said the invitation was being studied.\n"
    )
    found = extract(text, registry=Registry())
    ministry = next(c for c in found if c.speaker_as_written == "the Steppe Foreign Ministry")
    assert (ministry.speaker, ministry.speaker_resolved) == ("Steppe Foreign Ministry", False)
    assert not [c for c in found if (c.cue or "").startswith("declined")]
    assert found[-1].speaker == "A Tundra diplomat"
    # Saying something on condition of anonymity is saying it.
    said = "An official said on condition of anonymity that the talks had failed.\n"
    (anonymous,) = extract(said, registry=Registry())
    assert anonymous.text.endswith("that the talks had failed")


def test_a_person_s_office_is_not_the_registry_s_office_holder():
    """ "His office said" after a president is that president's office: not whoever holds an
    office in the registry (as the seed's registry has a head of a political office), nor
    offered as the closest."""
    registry = Registry()
    registry.add_speaker(
        "marta-belova", "Marta Belova", [], roles=["Head of the Steppe movement's political office"]
    )
    text = (
        "President Ivan Orlov said the pipeline would be a priority.\n\n"
        "His office said a delegation would visit in August.\n"
    )
    office = extract(text, registry=registry)[-1]
    assert office.speaker_as_written == "His office"
    assert office.speaker_key is None and not office.speaker_resolved
    assert office.speaker_options == []


def test_quoted_words_after_reported_ones_an_age_inside_an_appositive_and_a_dateline():
    """ "said the deal showed “what dialogue can achieve”" is partial, from the cue on;
    "Marta Belova, 45, a shopkeeper" is Marta Belova, a shopkeeper; the words said before
    "officials said" start after the dateline."""
    text = (
        "BISHKEK, March 14 (Reuters) - Steppe and Tundra signed an agreement on Friday "
        "demarcating the last disputed stretch of their border, officials said.\n\n"
        "Ivan Orlov said the deal showed “what dialogue can achieve”.\n\n"
        "“We just want peace,” said Marta Belova, 45, a shopkeeper.\n"
    )
    found = extract(text, registry=Registry(), published="2026-03-14")
    officials, orlov, belova = found[0], found[-2], found[-1]
    assert officials.cue == "said" and officials.text.startswith("Steppe and Tundra signed")
    assert orlov.kind == "partial"
    assert orlov.text == "said the deal showed “what dialogue can achieve”"
    assert (belova.speaker, belova.role) == ("Marta Belova", "shopkeeper")


def test_a_date_in_the_words_said_does_not_date_the_saying(registry):
    """ "added that a commission would meet in April": April is when the commission meets;
    "said on Monday that ...": Monday is when it was said."""
    text = (
        "ALMATY, March 3 (Reuters) - The ministry said on Monday that it was ready to talk. "
        "Ivan Orlov added that a joint commission would meet in April.\n"
    )
    said, added = extract(text, registry=registry, published="2026-03-03")
    assert (said.said, said.said_as_written) == ("2026-03-02", "on Monday")
    assert (added.said, added.said_basis) == ("../2026-03-03", "inferred")


# -- plain-text wire copy: straight quotation marks, days and clauses between the parts -----


def test_straight_quotation_marks_read_as_curly_ones_and_are_kept_as_written(registry):
    curly = (
        "“We are ready to host a third round. The door is open,” Kabulov told reporters after "
        "meeting the envoys. “But nobody can negotiate for them.”\n"
    )
    straight = curly.replace("“", '"').replace("”", '"')
    ours = extract(straight, registry=registry)
    theirs = extract(curly, registry=registry)
    assert [(c.kind, c.speaker_key, c.cue, c.start, c.end) for c in ours] == [
        (c.kind, c.speaker_key, c.cue, c.start, c.end) for c in theirs
    ]
    assert (ours[0].kind, ours[0].speaker_key, ours[0].cue) == ("direct", "zamir-kabulov", "told")
    for c in ours:
        assert straight[c.start : c.end] == c.text  # anchored in the text as written
        assert "“" not in c.text and "”" not in c.text


def test_quotation_marks_written_as_two_apostrophes_read_as_curly_ones(registry):
    text = (
        "''We are ready to host a third round. The door is open,'' Kabulov told reporters after "
        "meeting the envoys. ''But nobody can negotiate for them.''\n"
    )
    assert typeset("said ''no.''") == "said \u2009“no.”\u2009"  # the same length
    (c,) = extract(text, registry=registry)
    assert (c.kind, c.speaker_key, c.cue) == ("direct", "zamir-kabulov", "told")
    assert c.text.startswith("We are ready") and c.text.endswith("negotiate for them")
    assert text[c.start : c.end] == c.text
    assert (c.content_start, c.content_end) == (0, len(text) - 1)  # both apostrophes of each


def test_a_day_between_an_appositive_and_its_verb_leaves_the_name_the_speaker(registry):
    text = (
        "Russia’s special envoy for Afghanistan, Zamir Kabulov, on Tuesday urged both sides "
        "to return to the table.\n"
    )
    (c,) = extract(text, registry=registry, published="2019-05-28")
    assert (c.cue, c.speaker_key) == ("urged", "zamir-kabulov")
    assert c.said == "2019-05-28"


def test_anonymity_and_questions_put_to_the_speaker_are_not_statements(registry):
    text = (
        "Uzbek officials were more guarded. A senior Uzbek diplomat, who asked not to be named, "
        "said the proposal was “premature”.\n"
        "\n"
        "Asked about the talks, Lavrov said the next round would open in June.\n"
    )
    found = extract(text, registry=registry)
    assert [(c.cue, c.speaker_as_written, c.speaker_key) for c in found] == [
        ("said", "A senior Uzbek diplomat", None),
        ("said", "Lavrov", "sergei-lavrov"),
    ]
    assert found[0].text == "said the proposal was “premature”"


def test_an_indefinite_description_is_someone_new_not_someone_named_before(registry):
    text = (
        "Zamir Kabulov said the talks would go on.\n"
        "\n"
        "A Russian diplomat said the date was not yet fixed.\n"
    )
    first, second = extract(text, registry=registry)
    assert first.speaker_key == "zamir-kabulov"
    assert second.speaker_key is None and second.speaker == "A Russian diplomat"


def test_an_unnamed_speaker_is_declared_in_the_draft_s_own_speakers(registry):
    text = (
        "Zamir Kabulov said the talks would go on.\n"
        "\n"
        "A senior Uzbek diplomat said the proposal was premature.\n"
    )
    draft, count = drafted(text, registry)
    assert count == 2
    assert (
        "speakers:  # unnamed by the source: declared here, not in the registry\n"
        "  - key: senior-uzbek-diplomat\n"
        '    name: "A senior Uzbek diplomat"\n'
    ) in draft
    assert (
        "    speaker: senior-uzbek-diplomat  # unnamed: declared under speakers: above\n" in draft
    )
    assert "    speaker: zamir-kabulov\n" in draft


def test_a_quotation_resumed_after_a_longer_attribution_is_one_statement(registry):
    text = (
        "“We are ready to host a third round. The door is open,” Kabulov told reporters after "
        "meeting the envoys. “But nobody can negotiate for them.”\n"
    )
    (c,) = extract(text, registry=registry)
    assert (c.kind, c.cue, c.speaker_key) == ("direct", "told", "zamir-kabulov")
    assert c.text.startswith("We are ready to host a third round.")
    assert c.text.endswith("“But nobody can negotiate for them")
    assert text[c.start : c.end] == c.text


def test_a_quotation_with_its_own_cue_after_an_attribution_is_its_own(registry):
    text = "“We are ready,” Kabulov told reporters after the meeting. “Not yet,” Lavrov said.\n"
    first, second = extract(text, registry=registry)
    assert (first.text, first.speaker_key) == ("We are ready", "zamir-kabulov")
    assert (second.text, second.speaker_key) == ("Not yet", "sergei-lavrov")


def test_an_acronym_s_expansion_keeps_whose_body_it_is(registry):
    text = (
        "On Monday the Kyrgyz Ministry of Foreign Affairs (MFA) said it had no objection.\n\n"
        "The MFA added that its delegation would not travel yet.\n"
    )
    first, second = extract(text, registry=registry)
    assert first.speaker == second.speaker == "Kyrgyz Ministry of Foreign Affairs"


def test_a_named_spokesman_for_an_acronym_s_body_is_the_spokesman(registry):
    """ "A spokesman for MER, Viktor Lanz, said": Lanz, spokesman for MER (walk11 drafted
    the ministry the acronym stands for); "MER said" is still the ministry."""
    text = (
        "The Karsovian Ministry of External Relations (MER) said the crossings would reopen.\n\n"
        "A spokesman for MER, Viktor Lanz, said customs officers would return.\n\n"
        "MER added that trucks would pass first.\n"
    )
    first, second, third = extract(text, registry=registry)
    assert (second.speaker, second.role) == ("Viktor Lanz", "spokesman for MER")
    assert first.speaker == third.speaker == "Karsovian Ministry of External Relations"


def test_the_ministry_is_the_whole_name_of_the_ministry_named_before():
    """ "The ministry" after "The Karsovian Ministry of External Relations" is that ministry
    (walk11 drafted "Ministry of External Relations", a key of its own)."""
    text = (
        "The Karsovian Ministry of External Relations said the crossings would reopen.\n\n"
        "The ministry later said that a commission would meet in January.\n"
    )
    first, second = extract(text)
    assert first.speaker == second.speaker == "Karsovian Ministry of External Relations"


def test_an_official_who_asked_not_to_be_named_said_without_commas():
    """ "An official at the agency who asked not to be named said ...": the official said
    it, cue "said" (walk11 drafted "asked" for the cue, its words running on over "said",
    and "An official at the agency who" for the speaker)."""
    text = (
        "An official at the agency who asked not to be named said the new study would be"
        " considered.\n"
    )
    (said,) = extract(text)
    assert (said.cue, said.speaker_as_written) == ("said", "An official at the agency")
    assert said.text == "said the new study would be considered"


def test_the_speaker_before_a_relative_clause_speaks_not_the_words_after_the_cue(registry):
    text = (
        "Zamir Kabulov said the talks would go on.\n\n"
        "An Uzbek official, who spoke on condition of anonymity because he was not authorised "
        "to brief the media, said Tashkent was preparing a complaint.\n\n"
        "“Patience is running out,” the official said.\n"
    )
    draft, count = drafted(text, registry)
    assert count == 3
    assert "  - key: uzbek-official\n" in draft
    # Both the official's statements go to the unnamed official, not to Kabulov.
    assert draft.count("    speaker: uzbek-official  # unnamed") == 2
    assert draft.count("    speaker: zamir-kabulov") == 1
    assert '    speaker_as_written: "the official"  # resolved to An Uzbek official' in draft


def test_what_the_text_does_not_date_was_said_by_publication(registry):
    draft, _ = drafted("Lavrov said the talks would go on.\n", registry, "2019-05-28")
    assert "    said: ../2019-05-28  # the text does not say when: by its publication\n" in draft
    assert "    said_basis: inferred\n" in draft
    assert "said_as_written" not in draft


def test_a_dateline_without_a_year_asks_for_the_publication_date(registry):
    text = (
        "Talks go on\n\nASTANA, March 12 /NovaPress/ - Lavrov said on Tuesday the talks would "
        "go on.\n"
    )
    draft, _ = drafted(text, registry)
    assert (
        "  published: null  # the dateline “ASTANA, March 12 /NovaPress/” gives no year: "
        "pass --published\n"
    ) in draft
    # Paragraphs are counted from the body, the headline left out.
    assert '  body: "ASTANA, March 12 /NovaPress/"  # paragraphs are counted from here\n' in draft


def test_a_title_before_a_name_is_the_role(registry):
    (c,) = extract("IFAS chairman Dilorom Yusupova said the fund would pay.\n", registry=registry)
    assert (c.speaker, c.role) == ("Dilorom Yusupova", "IFAS chairman")


def test_a_description_nobody_named_is_left_for_the_curator_to_name(registry):
    text = "The ministry later said it would send a delegation.\n"
    draft, _ = drafted(text, registry)
    assert (
        "    speaker: the-ministry  # a description the text does not resolve: use the key of "
        "whom it means\n"
    ) in draft


def test_a_cue_that_ends_its_paragraph_with_a_colon_introduces_the_next_paragraph(registry):
    text = (
        "The envoys met in Tashkent on Monday.\n\n"
        "Kabulov said:\n\n"
        "“The railway will open next year. The crossings will stay open at night.\n\n"
        "“Nobody will be turned back at the border.”\n\n"
        "Lavrov added:\n\n"
        "The ministry will send its engineers to the border before the winter.\n\n"
        "The talks will resume in May.\n"
    )
    quoted, reported = extract(text, registry=registry)
    assert (quoted.kind, quoted.speaker_key, quoted.cue[:4]) == ("direct", "zamir-kabulov", "said")
    assert quoted.text.startswith("The railway will open next year.")
    assert quoted.text.endswith("“Nobody will be turned back at the border")
    assert (reported.kind, reported.speaker_key, reported.cue[:5]) == (
        "indirect",
        "sergei-lavrov",
        "added",
    )
    assert reported.text == "The ministry will send its engineers to the border before the winter"


def test_a_courtesy_or_office_title_is_no_part_of_the_speaker_s_name(registry):
    text = (
        "Sen. Marta Ilves, the Tallinn Democrat who chairs the panel, said the vote would wait.\n\n"
        "Councillor Piet Varga said the plan was rushed. Dr. Ona Leeks, a hydrologist at Riga "
        "University, said the wall would hold.\n"
    )
    found = extract(text, registry=registry)
    assert [(c.speaker, c.role) for c in found] == [
        ("Marta Ilves", "Tallinn Democrat who chairs the panel"),
        ("Piet Varga", "Councillor"),
        ("Ona Leeks", "hydrologist at Riga University"),
    ]


def test_a_surname_resolved_to_a_name_is_whom_a_later_pronoun_means(registry):
    text = (
        "Interior Minister Olga Pavlik and Senator Ruta Keel met on Monday.\n\n"
        "Olga Pavlik said the budget was agreed. Ruta Keel said it was not.\n\n"
        "Pavlik said on Tuesday the talks would go on. Asked about the budget, she said: "
        "“It is agreed.”\n"
    )
    found = extract(text, registry=registry)
    assert [c.speaker for c in found][-2:] == ["Olga Pavlik", "Olga Pavlik"]


def test_a_surname_is_the_full_name_printed_after_a_title_earlier(registry):
    text = (
        "Norvanian Foreign Minister Ivan Orlov and his counterpart met on Thursday.\n\n"
        "Orlov told reporters the grid would be built. Asked about gas, Orlow said the two "
        "sides were close.\n"
    )
    found = extract(text, registry=registry)
    assert [(c.speaker_as_written, c.speaker) for c in found] == [
        ("Orlov", "Ivan Orlov"),
        ("Orlow", "Ivan Orlov"),
    ]


def test_a_transcript_answer_runs_to_the_end_of_its_line(registry):
    text = (
        "The exchange went as follows.\n\n"
        "VARGA: Where does the money come from?\n\n"
        "ILVES: From the regional fund. We applied in May, and we expect an answer soon.\n\n"
        "VARGA: And if not?\n"
    )
    found = extract(text, registry=registry)
    assert [(c.speaker_as_written, c.kind, c.text) for c in found] == [
        ("VARGA", "direct", "Where does the money come from?"),
        (
            "ILVES",
            "direct",
            "From the regional fund. We applied in May, and we expect an answer soon.",
        ),
        ("VARGA", "direct", "And if not?"),
    ]


def test_a_quotation_resumed_after_its_attribution_runs_on_into_the_next_paragraph(registry):
    text = (
        "The envoys met in Tashkent on Monday.\n\n"
        "“We did not settle everything,” Kabulov told reporters on Monday. “We settled what "
        "could be settled. The railway could.\n\n"
        "“The border is harder, and we will keep talking.”\n\n"
        "Lavrov said the talks would resume in May.\n"
    )
    quoted, reported = extract(text, registry=registry, published="2019-05-29")
    assert (quoted.kind, quoted.speaker_key) == ("direct", "zamir-kabulov")
    # The attribution between the quotation's parts dates it: Monday before Wednesday 29 May.
    assert (quoted.said, quoted.said_as_written) == ("2019-05-27", "on Monday")
    assert quoted.text.startswith("We did not settle everything,”")
    assert quoted.text.endswith("“The border is harder, and we will keep talking")
    assert (reported.speaker_key, reported.text) == (
        "sergei-lavrov",
        "said the talks would resume in May",
    )


def test_a_press_release_dateline_with_its_region_and_year_dates_the_release(registry):
    text = (
        "Steppe Rail opens a line\n\n"
        "RIGA, Latvia, June 10, 2025 — Steppe Rail said in a statement on Monday that it would "
        "open a line to Warsaw.\n"
    )
    line = dateline(typeset(text))
    assert (line.written, line.city, line.agency, line.published) == (
        "RIGA, Latvia, June 10, 2025",
        "RIGA",
        None,
        "2025-06-10",
    )
    (c,) = extract(text, registry=registry, published="2025-06-10")
    assert (c.said, c.said_as_written, c.said_basis) == ("2025-06-09", "on Monday", "resolved")
    assert dateline("MOSCOW, May 28 — Talks opened.\n").published is None  # no year to be had
    assert dateline("Mayor Lund, May 28 — a note.\n") is None  # no capitals' city


def test_a_quotation_before_a_role_and_the_name_beside_it_is_direct(registry):
    text = (
        "The group praised the plan. “Every train is good news,” the group’s director, Liene "
        "Ozola, said in a statement.\n"
    )
    found = extract(text, registry=registry)
    quoted = found[-1]
    assert (quoted.kind, quoted.text, quoted.speaker, quoted.role) == (
        "direct",
        "Every train is good news",
        "Liene Ozola",
        "group’s director",
    )


def test_reported_speech_ends_with_the_quotation_that_ends_its_sentence(registry):
    text = (
        "Asked about gas, Kabulov said the sides were “closer than people think.” He did not "
        "give details.\n"
    )
    c = extract(text, registry=registry)[0]
    assert (c.kind, c.text) == ("partial", "said the sides were “closer than people think.”")


def test_what_is_said_after_a_phrase_following_the_cue_is_the_cue_s(registry):
    text = (
        "The Steppe Residents’ Union said in a letter to the council on Monday that it "
        "supported a wall but wanted a public consultation first.\n"
    )
    (c,) = extract(text, registry=registry, published="2025-10-14")
    assert c.text == (
        "said in a letter to the council on Monday that it supported a wall but wanted a "
        "public consultation first"
    )
    assert (c.cue, c.said_as_written) == ("said", "on Monday")


def test_a_company_named_with_its_trade_is_the_company_and_its_first_word_too(registry):
    text = (
        "Steppe Rail, the Kazakh freight operator, said on Monday it would open a line to "
        "Urumqi.\n\n"
        "The company said trains would run daily from May. According to Steppe, the line "
        "cost 10 million euros.\n\n"
        "The company said bookings would open in August.\n"
    )
    found = extract(text, registry=registry)
    assert [(c.speaker_as_written, c.speaker) for c in found] == [
        ("Steppe Rail, the Kazakh freight operator,", "Steppe Rail"),
        ("The company", "Steppe Rail"),
        ("Steppe", "Steppe Rail"),
        ("The company", "Steppe Rail"),  # not "The company" opening the sentence before
    ]


def test_a_pronoun_after_a_sentence_about_someone_named_is_that_person(registry):
    text = (
        "Kabulov said the talks had gone well.\n\n"
        "Sen. Ruta Keel, a Democrat from Ohio, was not persuaded. She said farmers had been left "
        "out.\n"
    )
    found = extract(text, registry=registry)
    assert [(c.speaker_as_written, c.speaker) for c in found] == [
        ("Kabulov", "Zamir Kabulov"),
        ("She", "Ruta Keel"),
    ]


def test_it_is_the_body_that_spoke_last_and_words_said_both_sides_of_its_cue_are_shown(registry):
    text = (
        "The Afghan Foreign Ministry said on Monday that the envoy had briefed the cabinet. "
        "The cabinet, it said, had approved the plan “without reservation.”\n"
    )
    found = extract(text, registry=registry)
    assert [(c.speaker_as_written, c.speaker_key) for c in found] == [
        ("The Afghan Foreign Ministry", "afghan-foreign-ministry"),
        ("it", "afghan-foreign-ministry"),
    ]
    assert found[1].text == "The cabinet, it said, had approved the plan “without reservation.”"


def test_a_description_with_the_name_beside_it_is_not_called_unresolved(registry):
    text = "A spokesman for the governor, Kyle Benning, said the state remained committed.\n"
    draft, _ = drafted(text, registry)
    assert (
        "    speaker: kyle-benning  # not in the registry: add data/speakers/kyle-benning.yaml "
        "or use a known key\n"
    ) in draft


def test_the_ministers_of_two_countries_are_one_speaker_not_a_country_each(registry):
    text = "The foreign ministers of Norvania and Qasira agreed on Thursday to link their grids.\n"
    found = extract(text, registry=registry)
    assert [c.speaker_as_written for c in found] == ["The foreign ministers of Norvania and Qasira"]


def test_a_byline_gives_the_author(registry):
    from quotes.extract.layout import byline

    text = (
        "Senate delays vote\n\nBy MARTA ILVES Associated Press\n\nWASHINGTON (AP) — Kabulov left.\n"
    )
    assert '  author: "Marta Ilves"  # from the byline\n' in drafted(text, registry)[0]

    assert byline(
        "Senate delays vote\n\nBy MARTA ILVES Associated Press\n\nWASHINGTON (AP) — A"
    ) == ("Marta Ilves")
    assert byline("Talks stall\n\nBy Piet Varga, Reuters\n\nKABUL (Reuters) - The") == "Piet Varga"
    assert byline("Talks stall\n\nBy the time they met, it was late.\n") is None


def test_a_byline_of_two_authors_gives_both(registry):
    from quotes.extract.layout import byline

    text = (
        "Talks stall in Miraval\n\nBy Anna Petrova and Marat Ismailov\n\n"
        "MIRAVAL, June 4 (Reuters) - The Miraval government said on Tuesday that talks had "
        "stalled.\n"
    )
    draft = drafted(text, registry)[0]
    assert '  author: "Anna Petrova and Marat Ismailov"  # from the byline\n' in draft
    assert byline("Fog\n\nBy ANNA PETROVA and MARAT ISMAILOV Associated Press\n\nX (AP) — A") == (
        "Anna Petrova and Marat Ismailov"
    )
    assert byline("Fog\n\nBy Anna Petrova, Marat Ismailov and Ivo Lind, Reuters\n\nX - A") == (
        "Anna Petrova, Marat Ismailov and Ivo Lind"
    )


def test_the_two_leaders_are_the_two_persons_named_before_one_statement_each(registry):
    text = (
        "Norvanian Foreign Minister Ivan Orlov and his counterpart, Samir Haddad, met on "
        "Thursday.\n\n"
        "The two leaders said the link would make both countries safer.\n"
    )
    (c,) = extract(text, registry=registry)  # one span, as PolNeAR marks it
    assert (c.speaker_as_written, c.speaker, c.also_said_by) == (
        "The two leaders",
        "Ivan Orlov",
        [("Samir Haddad", None)],
    )
    draft, _ = drafted(text, registry)  # one statement each
    assert "  - key: ivan-orlov-said\n" in draft and "  - key: samir-haddad-said\n" in draft


def test_a_speaker_s_own_he_inside_what_they_said_is_no_second_statement_of_the_draft(registry):
    text = "Kabulov said on Wednesday he expected a vote before the recess.\n"
    assert len(extract(text, registry=registry)) == 2  # PolNeAR marks the nested one too
    draft, _ = drafted(text, registry)
    assert "  - key: zamir-kabulov-said\n" in draft and "expected\n" not in draft


def test_the_tagger_s_speaker_cut_after_a_preposition_is_the_whole_noun_phrase(registry):
    text = "At the hearing, senators from both parties questioned how the deal would hold.\n"
    (c,) = extract(text, registry=registry)
    assert c.speaker_as_written == "senators from both parties"


def test_according_to_a_formula_or_a_plan_is_no_attribution(registry):
    text = (
        "The compact would divide the water according to a formula tied to snowpack. The "
        "price will rise in May, according to the agreement. Prices rose, according to the "
        "ministry. Debt fell, according to the Steppe Budget Office.\n"
    )
    found = extract(text, registry=registry)
    assert [c.speaker_as_written for c in found] == ["the ministry", "the Steppe Budget Office"]


def test_a_transcript_s_statement_keys_read_said_not_a_trailing_dash(registry):
    draft, _ = drafted("The exchange went as follows.\n\nVARGA: Where is the money?\n", registry)
    assert "  - key: varga-said\n" in draft


def test_a_body_named_after_what_it_is_is_that_name(registry):
    (c,) = extract("Environmental group Green Corridor praised the plan.\n", registry=registry)
    assert (c.speaker, c.role) == ("Green Corridor", "Environmental group")


def test_a_dateline_with_a_full_stop_after_its_day_is_a_dateline(registry):
    """ "MIRAVAL, June 4. /ORSA/ - ...": a state agency's dateline puts a full stop after the
    day; it was read as part of the first speaker ("June 4. /ORSA/ - Orsena's Foreign
    Ministry") and its date as the saying's, while "on Thursday" went unread."""
    text = (
        "Ministry says talks stalled\n\n"
        "MIRAVAL, June 4. /ORSA/ - Orsena's Foreign Ministry on Thursday accused Lindmark of "
        "stalling the talks, and said it would not leave them.\n\n"
        "The talks began in 2026.\n"
    )
    line = dateline(text)
    assert (line.written, line.agency, line.published) == (
        "MIRAVAL, June 4. /ORSA/",
        "ORSA",
        "2026-06-04",
    )
    first = extract(text, registry=registry, published="2026-06-06")[0]
    assert first.speaker_as_written == "Orsena's Foreign Ministry"
    assert (first.said, first.said_as_written) == ("2026-06-04", "on Thursday")


def test_a_quotation_is_its_cue_s_not_a_translation_s(registry):
    """ "“...,” X told her weekly briefing, according to a translation by the agency": the
    words are X's, told; the tagger read them as the translation's ("according to") and
    "her weekly briefing" as what X told, so the draft had a speaker "a translation by the
    agency" and a statement "told her weekly briefing"."""
    text = (
        "“We came to every round with proposals. The other side came with excuses,” "
        "spokeswoman Yelena Tarvik told her weekly briefing, according to a translation by "
        "the state agency ORSA.\n\n"
        "“I never said those words,” Oskar Hedvall told the newspaper Dagsposten, according "
        "to a translation by the agency.\n"
    )
    found = extract(text, registry=registry)
    assert [(c.kind, c.speaker_as_written, c.cue, c.text) for c in found] == [
        (
            "direct",
            "spokeswoman Yelena Tarvik",
            "told",
            "We came to every round with proposals. The other side came with excuses",
        ),
        ("direct", "Oskar Hedvall", "told", "I never said those words"),
    ]


def test_reported_words_take_in_a_day_that_ends_their_sentence(registry):
    """ "said late on Wednesday that talks would resume on Monday": the tagger ended the words
    at "resume on" (and "stay closed", leaving out "until Sunday"), as PolNeAR leaves out a
    day that dates the saying; a preposition before it says the day is what was said of."""
    text = (
        "The port's director, Greta Solheim, said late on Wednesday that talks would resume "
        "on Monday.\n\n"
        "The airport said on Thursday that it would stay closed until Sunday, citing damage "
        "to the runway.\n"
    )
    found = extract(text, registry=registry, published="2026-11-06")
    assert [c.text for c in found][:2] == [
        "said late on Wednesday that talks would resume on Monday",
        "said on Thursday that it would stay closed until Sunday",
    ]
    assert [c.said for c in found][:2] == ["2026-11-04", "2026-11-05"]
    assert [c.cue for c in found][:2] == ["said", "said"]  # not "said late" (keyed so)


def test_a_cue_is_the_verb_without_its_night_or_its_colon(registry):
    """ "said Thursday night that ...": the night was left in the cue (and the key), and
    "Tarvik said: “...”" had "said:" for its cue."""
    text = (
        "Emergency management chief Rhea Lind said Thursday night that two people had died.\n\n"
        "Asked whether the talks would go on, Tarvik said: “That is for the minister.”\n"
    )
    found = extract(text, registry=registry, published="2026-11-06")
    assert [(c.cue, c.said) for c in found] == [("said", "2026-11-05"), ("said:", "../2026-11-06")]
    # PolNeAR's cue keeps the colon; the draft's is the verb.
    draft, _ = drafted(text, registry, "2026-11-06")
    assert "  - key: rhea-lind-said\n" in draft
    assert '    cue: "said:"' not in draft and draft.count('    cue: "said"\n') == 2


def test_a_question_put_by_a_reporter_is_no_statement(registry):
    """ "Asked by a reporter whether ..., Tarvik said: “...”": the question is put to the
    speaker, as "Asked whether ..." is; it was drafted as a statement by "a reporter"."""
    text = (
        "Asked by a reporter whether Orsena would suspend the talks, Tarvik said: “That "
        "decision is for the minister.”\n\n"
        "Asked by reporters about the fleet, she said the coast guard knew its orders.\n"
    )
    found = extract(text, registry=registry)
    assert [(c.speaker_as_written, c.cue) for c in found] == [("Tarvik", "said:"), ("she", "said")]


def test_a_quotation_said_by_a_description_with_a_role_beside_it(registry):
    """ "“...,” one of the sources, a manager at the company, said, speaking on condition of
    anonymity ...": the speaker is the description, its role beside it; the quotation was
    drafted as spoken by "unknown", and "said, speaking on condition ..." as a statement."""
    text = (
        "“We have no ships leaving and no date for when they will,” one of the sources, a "
        "senior manager at the company, said, speaking on condition of anonymity because he "
        "was not authorised to speak to the media.\n"
    )
    found = extract(text, registry=registry)
    assert [(c.kind, c.cue, c.text) for c in found] == [
        ("direct", "said", "We have no ships leaving and no date for when they will")
    ]
    assert found[0].speaker_as_written.startswith("one of the sources, a senior manager")


def test_words_told_to_an_agency_come_before_the_cue(registry):
    """ "Halvenkorn has halted shipments, two sources familiar with the matter told Reuters.":
    what was told comes before the cue, whom it was told after it; the tagger found the cue
    with no words, and the rules read none after a comma and a cue with an object."""
    text = (
        "Halvenkorn has halted shipments from its main terminal, two sources familiar with the "
        "matter told Reuters.\n\n"
        "The port will reopen, officials told reporters by phone.\n"
    )
    found = extract(text, registry=registry)
    assert [(c.speaker_as_written, c.cue, c.text) for c in found] == [
        (
            "two sources familiar with the matter",
            "told",
            "Halvenkorn has halted shipments from its main terminal",
        ),
        ("officials", "told", "The port will reopen"),
    ]


def test_a_perfect_tense_says_no_day(registry):
    """ "Dastan has repeatedly accused ..., and its defence minister, Hana Rudovic, told
    parliament on Wednesday that ...": Wednesday is when Rudovic spoke; "has accused" says
    no day, and was drafted as said on Wednesday."""
    text = (
        "Dastan's government has repeatedly accused Karsovia of using exercises as cover, and "
        "its defence minister, Hana Rudovic, told parliament on Wednesday that the reserves "
        "would stay on alert.\n"
    )
    found = extract(text, registry=registry, published="2026-11-20")
    assert [(c.cue, c.said) for c in found] == [
        ("has repeatedly accused", "../2026-11-20"),
        ("told", "2026-11-18"),
    ]


def test_an_alias_in_capitals_names_a_party_only_in_capitals(registry):
    """ "They told us this week it would be a rain event": "us" is no "US"; the draft named
    the United States among the parties of a flooded resident's words."""
    registry.parties.add("US", "united-states")
    registry.parties.add("United States", "united-states")
    text = (
        "“They told us this week it would be a rain event,” said Dolores Achterberg, 67.\n\n"
        "“The US will help,” said Rhea Lind.\n"
    )
    found = extract(text, registry=registry)
    assert [c.parties for c in found] == [[], ["united-states"]]


def test_a_county_title_before_a_name_is_the_role(registry):
    """ "Supervisor Anton Reyes said": keyed supervisor-anton-reyes, with no role."""
    text = "Supervisor Anton Reyes said the declaration would allow the county to ask for funds.\n"
    (c,) = extract(text, registry=registry)
    assert (c.speaker, c.role) == ("Anton Reyes", "Supervisor")


def test_a_name_with_a_role_in_two_appositives(registry):
    """ "Pavel Korsun, an analyst at the Tarn Policy Forum, a think tank in the capital,
    said": keyed pavel-korsun-an-analyst-at-the-tarn-policy-forum-a-think-tan, no role."""
    text = (
        "Pavel Korsun, an analyst at the Tarn Policy Forum, a think tank in the capital, said "
        "the pullback was real.\n\n“He cannot go back on that,” Korsun said.\n"
    )
    found = extract(text, registry=registry)
    assert [(c.speaker, c.role) for c in found] == [
        ("Pavel Korsun", "analyst at the Tarn Policy Forum, a think tank in the capital"),
        ("Pavel Korsun", None),
    ]


def test_a_cue_word_after_the_is_a_noun(registry):
    """ "He denied that any depots had been built, calling the reports “fantasy ...”": the
    draft had a direct statement by "calling the" with "reports" for its cue."""
    text = (
        "Vastrin denied that any depots had been built, calling the reports “fantasy drawn by "
        "people who have never been to the valley.”\n"
    )
    found = extract(text, registry=registry)
    assert [(c.speaker_as_written, c.cue, c.kind) for c in found] == [
        ("Vastrin", "denied", "indirect"),
        ("Vastrin", "calling", "partial"),
    ]


def test_a_relative_clause_s_cue_says_what_follows_it(registry):
    """ "The pledge came after talks brokered by Matteo Ferrante, who said in a speech in
    September that both sides wanted a way out": the words said follow "said"; the draft
    had the main clause before it, "The pledge came after ...", for them."""
    text = (
        "The pledge came after months of quiet contacts brokered by the council's "
        "secretary-general, Matteo Ferrante, who said in a speech in September that both "
        "sides wanted a way out but neither wanted to be seen blinking first.\n"
    )
    found = extract(text, registry=registry, published="2026-11-20")
    assert [(c.speaker, c.cue, c.text, c.said) for c in found] == [
        (
            "Matteo Ferrante",
            "said",
            "said in a speech in September that both sides wanted a way out but neither wanted "
            "to be seen blinking first",
            "2026-09",
        )
    ]


def test_one_trader_is_someone_the_source_does_not_name(registry):
    """ "One Singapore-based trader, who asked not to be identified, said ..." then "the
    trader said": one unnamed speaker, as "a trader" and "the trader" are; "One Singapore"
    was no name, and "the trader" was drafted as a speaker of its own, 'trader'."""
    text = (
        "Kabulov said the port would reopen.\n\n"
        "One Singapore-based trader, who asked not to be identified, said prices had risen "
        "since Tuesday.\n\n"
        "“If this goes on, people will panic,” the trader said.\n"
    )
    found = extract(text, registry=registry)
    assert [(c.speaker, c.speaker_unnamed) for c in found] == [
        ("Zamir Kabulov", False),
        ("One Singapore-based trader", True),
        ("One Singapore-based trader", True),
    ]


def test_a_cue_cut_after_a_preposition_takes_its_object(registry):
    """ "said in a post on Telegram that its members would stay off the quays": the tagger
    cut the cue at "on", leaving "Telegram that ..." as the words said."""
    text = (
        "The dockworkers' union, the Coastal Transport Federation, said in a post on Telegram "
        "that its members would stay off the quays until the port authority restored "
        "night-shift pay, which was cut in January.\n"
    )
    (c,) = extract(text, registry=registry)
    assert c.cue == "said in a post on Telegram"
    assert text[c.content_start : c.content_end].startswith("that its members")


def test_a_double_barrelled_name_is_one_name(registry):
    """ "Greta Solheim-Vance" named before "the director said": the description resolved to
    "Greta Solheim-", the name read up to its hyphen."""
    text = (
        "The talks were chaired by Greta Solheim-Vance on Monday.\n\n"
        "“We will talk,” the director said.\n"
    )
    (c,) = extract(text, registry=registry)
    assert c.speaker == "Greta Solheim-Vance"


def test_it_is_a_body_named_in_one_word(registry):
    """ "Halvenkorn said ... It declined to comment": 'it' is the company that spoke; it was
    drafted as a speaker 'it'."""
    text = (
        "Halvenkorn said in an emailed statement that it was assessing the situation. It "
        "declined to comment on the volumes affected.\n"
    )
    found = extract(text, registry=registry)
    assert [(c.speaker_as_written, c.speaker) for c in found] == [
        ("Halvenkorn", "Halvenkorn"),
        ("It", "Halvenkorn"),
    ]


def test_whom_and_when_it_was_told_date_the_telling(registry):
    """ "told a conference in the capital last month that the firm expected record exports":
    the tagger gave "told" the words from "a conference" on, so "last month" was read as
    words said and the statement was drafted as undated."""
    text = (
        "The company's chief executive, Piet Anholm, told a conference in the capital last "
        "month that the firm expected record exports this year.\n"
    )
    (c,) = extract(text, registry=registry, published="2026-03-12")
    assert (c.said, c.said_as_written) == ("2026-02", "last month")


def test_a_body_named_with_the_beside_what_it_is(registry):
    """ "The dockworkers' union, the Coastal Transport Federation, said": the name is the
    body's, its kind the role; keyed dockworkers-union-the-coastal-transport-federation."""
    text = (
        "The dockworkers' union, the Coastal Transport Federation, said its members would "
        "stay off the quays.\n"
    )
    (c,) = extract(text, registry=registry)
    assert (c.speaker, c.role) == ("Coastal Transport Federation", "dockworkers' union")


def test_the_opposition_party_named_after_what_it_is(registry):
    """ "The opposition Unity Bloc said": keyed opposition-unity-bloc."""
    text = "The opposition Unity Bloc said in a statement that the minister had failed.\n"
    (c,) = extract(text, registry=registry)
    assert (c.speaker, c.role) == ("Unity Bloc", "opposition")


def test_an_agency_reporting_a_quotation_is_no_statement_of_its_own(registry):
    """ "“Our boats are tied up while theirs fish,” he said, according to ORSA": the draft
    had a second statement, ORSA's, whose words were the quotation and "he said"."""
    text = (
        "The head of the trawlermen's association, Gleb Saranov, said his members were losing "
        "money. “Our boats are tied up while theirs fish,” he said, according to ORSA.\n"
    )
    assert any(c.cue == "according to" for c in extract(text, registry=registry))
    draft, _ = drafted(text, registry)
    assert "according to" not in draft and "orsa" not in draft
    assert draft.count("    speaker: gleb-saranov") == 2


def test_reported_words_run_into_the_next_quotation_end_before_it(registry):
    """ "Vandorn said she would be glad to be proven wrong. “But I have heard these words
    before,” she said.": the tagger ran the first statement into the quotation, which then
    went to the first cue, and "said she would be glad ..." was lost."""
    text = (
        "Vandorn, for her part, said she would be glad to be proven wrong. “But I have heard "
        "these words before,” she said.\n"
    )
    found = extract(text, registry=registry)
    assert [(c.kind, c.speaker_as_written, c.text) for c in found] == [
        ("indirect", "Vandorn", "said she would be glad to be proven wrong"),
        ("direct", "she", "But I have heard these words before"),
    ]


def test_british_copy_quoting_with_single_marks_reads_them_as_quotation_marks(registry):
    """ "'Nobody likes it,' Mr Orlov told the BBC. 'But ...'": a text with no double marks
    quotes with single ones; the direct quote was lost and "Our members ...," drafted as
    reported speech. Apostrophes ("Workers' Union", "year's") stay apostrophes."""
    text = (
        "Transport Minister Anton Orlov said the rise was 'the smallest we could set'.\n\n"
        "'Nobody likes paying more,' Mr Orlov told the BBC. 'But the drivers' pay must rise.'\n\n"
        "The Rail Workers' Union said next year's fares were 'too high'.\n"
    )
    assert typeset("The Workers' Union said 'no'.") == "The Workers' Union said “no”."
    found = extract(text, registry=registry)
    assert [(c.kind, c.speaker, c.cue) for c in found] == [
        ("partial", "Anton Orlov", "said"),
        ("direct", "Anton Orlov", "told"),
        ("partial", "Rail Workers' Union", "said"),
    ]
    assert (
        found[1].text
        == "Nobody likes paying more,' Mr Orlov told the BBC. 'But the drivers' pay must rise"
    )
    assert text[found[1].start : found[1].end] == found[1].text


def test_single_marks_quote_in_a_text_that_also_has_double_ones(registry):
    """ "'We will not back down,' union leader Marta Belova said" in a story that quotes
    elsewhere with double marks was drafted as reported speech, "'We will not back down";
    single marks inside a double quotation quote within it, no statement of their own."""
    text = (
        "'We will not back down,' union leader Marta Belova said on Monday.\n\n"
        "\"He told me 'the port is closed' and walked away,\" the driver, Pavel Korsun, said.\n"
    )
    assert typeset("'No,' he said. \"She said 'yes' twice.\"") == (
        "“No,” he said. “She said 'yes' twice.”"
    )
    found = extract(text, registry=registry)
    assert [(c.kind, c.speaker, c.text) for c in found] == [
        ("direct", "Marta Belova", "We will not back down"),
        ("direct", "Pavel Korsun", "He told me 'the port is closed' and walked away"),
    ]


def test_abbreviated_months_and_days_written_before_their_month_date_the_saying():
    """ "On Dec. 2, he had told the court ..." and British copy's "Speaking on 3 March, ...
    said" were drafted as undated (said by publication)."""
    assert said_in("On Dec. 2, he had told the court", "2026-12-03") == (
        "2026-12-02",
        "On Dec. 2",
        "resolved",
    )
    assert said_in("Speaking on 3 March, the minister said", "2026-03-04") == (
        "2026-03-03",
        "on 3 March",
        "resolved",
    )
    assert said_in("on 10 March 2025, she said", None)[:2] == ("2025-03-10", "on 10 March 2025")
    assert said_in("he took 2 million crowns", "2026-03-04") is None


def test_he_after_a_dated_opening_is_the_surname_that_opened_a_sentence_since(registry):
    """ "On Dec. 2, he had told the court": "On Dec" was read as a person's name and "he"
    resolved to it; the one he means is Kalvas, whose surname opened the sentence before
    (after another speaker, Junker, had spoken)."""
    text = (
        "A court sentenced the former port chief, Dmitri Kalvas, to six years in prison.\n\n"
        "Defence lawyer Marta Junker told reporters that her client would appeal.\n\n"
        "Kalvas, 61, did not speak as the sentence was read. On Dec. 2, he had told the court "
        "that he had never taken a bribe.\n"
    )
    found = extract(text, registry=registry, published="2026-12-03")
    told = [c for c in found if c.speaker_as_written == "he"]
    assert [(c.speaker, c.said, c.said_as_written) for c in told] == [
        ("Dmitri Kalvas", "2026-12-02", "On Dec. 2")
    ]


def test_a_paragraph_opening_with_its_subject_s_name_is_whom_she_means(registry):
    """An interview's first paragraph, "Dr Irena Vass has spent ...": a line's first words
    were never read as a name, so every "she" after stayed "she"; British copy's "Dr" (no
    full stop) is a title, and a short surname, "Vass", is the name it ends."""
    text = (
        "Dr Irena Vass has spent most of her career on the Solvik ice cap.\n\n"
        "“The ice was thinning the whole time,” she said.\n\n"
        "Vass said the turning point came in 2019.\n"
    )
    found = extract(text, registry=registry)
    assert [(c.speaker_as_written, c.speaker) for c in found] == [
        ("she", "Irena Vass"),
        ("Vass", "Irena Vass"),
    ]


def test_a_description_after_its_cue_speaks_the_words_before_and_another_s_day_is_not_its(
    registry,
):
    """ "The government will not ..., said the transport minister, as two unions warned on
    Tuesday that ...": drafted as the unions saying "the transport minister", dated Tuesday;
    after a byline, the minister was then resolved to its author or its "Transport
    Correspondent" (a title, not a name)."""
    text = (
        "Minister defends fares rise\n\nBy Clara Whitlow, Transport Correspondent\n\n"
        "The government will not reverse next year's rise in rail fares, said the transport "
        "minister, as two unions warned on Tuesday that they would ballot members.\n"
    )
    found = extract(text, registry=registry, published="2026-03-04")
    said = [c for c in found if c.cue == "said"]
    assert [(c.speaker, c.text, c.said) for c in said] == [
        (
            "the transport minister",
            "The government will not reverse next year's rise in rail fares",
            "../2026-03-04",
        )
    ]
    (warned,) = [c for c in found if c.cue == "warned"]
    assert (warned.speaker, warned.said) == ("two unions", "2026-03-03")


def test_a_relative_clause_with_a_number_in_it_is_not_the_speaker(registry):
    """ "The drivers' union Aslef-North, which represents about 9,000 drivers, said": the comma
    of "9,000" ended the clause, and "about 9,000 drivers" was drafted as the speaker."""
    text = (
        "The drivers' union Aslef-North, which represents about 9,000 drivers, said it would "
        "announce a ballot date within a fortnight.\n"
    )
    (c,) = extract(text, registry=registry)
    assert (c.speaker_as_written, c.cue) == ("The drivers' union Aslef-North", "said")


def test_words_said_before_their_cue_whole_not_from_a_verb_inside_them(registry):
    """ "Mr Orlov is expected to meet union leaders on 10 March, his office said": the tagger
    read "to meet ..." as said and "Mr Orlov" as what "his office" "is expected" to say."""
    text = (
        "Transport Minister Anton Orlov defended the rise.\n\n"
        "Mr Orlov is expected to meet union leaders on 10 March, his office said.\n"
    )
    found = [c for c in extract(text, registry=registry) if c.cue != "defended"]
    assert [(c.speaker_as_written, c.cue, c.text) for c in found] == [
        ("his office", "said", "Mr Orlov is expected to meet union leaders on 10 March")
    ]


def test_they_after_many_speakers_is_them(registry):
    """ "Prosecutors alleged that ... They said the money was paid through ...": "they" was
    drafted as a speaker of its own; after one person spoke it stays unresolved."""
    text = (
        "Prosecutors alleged that Kalvas took bribes from three shipping companies. They said "
        "the money was paid through a consultancy.\n\n"
        "Judge Helena Moravec said the sentence was fair. They said it was not, a lawyer added.\n"
    )
    found = extract(text, registry=registry)
    assert [(c.speaker_as_written, c.speaker) for c in found][:2] == [
        ("Prosecutors", "Prosecutors"),
        ("They", "Prosecutors"),
    ]
    assert all(c.speaker != "Prosecutors" for c in found[2:])


def test_a_verb_in_a_clause_with_its_own_subject_is_not_the_speaker_s_second_cue(registry):
    """ "Vass said the turning point came in 2019, when a student of hers flew a drone over
    the ice cap and found it had lost a third of its thickness": "found" was drafted as
    Vass's second statement; "urged A and called for B" stays two."""
    text = (
        "Vass said the turning point came in 2019, when a student of hers flew a drone over "
        "the ice cap and found it had lost a third of its thickness.\n\n"
        "Orlov urged restraint and called for talks to resume within a month.\n"
    )
    found = extract(text, registry=registry)
    assert [c.cue for c in found] == ["said", "urged", "called for"]


def test_in_her_view_is_the_cue_of_what_follows_and_her_the_speaker(registry):
    """ "In her view, funding agencies rewarded long records over better methods": the
    tagger read the sentence as said with no cue, and it was left out."""
    text = (
        "Dr Irena Vass has spent most of her career on the Solvik ice cap.\n\n"
        "She believes that the error was not carelessness but habit. In her view, funding "
        "agencies rewarded long, unbroken records over better methods, so nobody wanted to "
        "change what they measured.\n"
    )
    found = extract(text, registry=registry)
    (view,) = [c for c in found if c.cue == "In her view"]
    assert (view.speaker_as_written, view.speaker) == ("her", "Irena Vass")
    assert view.text.startswith("In her view, funding agencies rewarded long, unbroken records")
    assert text[view.content_start : view.content_start + 16] == "funding agencies"


def test_late_or_early_on_a_weekday_is_written_whole():
    """ "said late Tuesday that ...": said_as_written was "Tuesday", the words cut."""
    assert said_in("Senator Pavel Ostrov said late Tuesday that", "2026-12-03") == (
        "2026-12-01",
        "late Tuesday",
        "resolved",
    )


def test_nobody_is_no_speaker_in_the_draft(registry):
    """ "..., so nobody wanted to change what they measured": drafted as nobody's statement
    (extraction keeps it: PolNeAR marks some such beliefs)."""
    text = (
        "Dr Irena Vass has spent most of her career on the Solvik ice cap.\n\n"
        "Funding agencies rewarded long, unbroken records over better methods, so nobody "
        "wanted to change what they measured.\n"
    )
    draft, _ = drafted(text, registry)
    assert "speaker: nobody" not in draft and "nobody-wanted" not in draft


def test_a_description_no_one_before_answers_is_the_one_named_next_with_it_for_a_title(
    registry,
):
    """ "..., said the transport minister." then "Transport Minister Anton Orlov said ...":
    the first statement's speaker stayed "the transport minister"; "the minister" with no
    such title after stays as it is."""
    text = (
        "The government will not reverse the rise in rail fares, said the transport minister.\n\n"
        "Speaking on 3 March, Transport Minister Anton Orlov said the money would pay for "
        "new trains.\n"
    )
    found = extract(text, registry=registry)
    assert [(c.speaker_as_written, c.speaker) for c in found] == [
        ("the transport minister", "Anton Orlov"),
        ("Transport Minister Anton Orlov", "Anton Orlov"),
    ]
    assert found[0].role == "Transport Minister"
    alone = "The fares would rise again next year, said the finance minister.\n"
    assert [c.speaker for c in extract(alone, registry=registry)] == ["the finance minister"]


def test_her_book_argues_what_she_does(registry):
    """ "Dr Irena Vass ... Her new book argues that ...": the book was drafted as a speaker
    of its own; its author is the person it belongs to."""
    text = (
        "Dr Irena Vass has spent most of her career on the Solvik ice cap. Her new book argues "
        "that the way scientists tracked glaciers hid how fast they were losing mass.\n"
    )
    (c,) = extract(text, registry=registry)
    assert (c.speaker_as_written, c.speaker, c.cue) == ("Her new book", "Irena Vass", "argues")


def test_a_bodys_spokeswoman_is_the_one_named_so_or_an_unnamed_one_of_that_body(registry):
    """ "The ministry's spokeswoman said ..." then, a paragraph later, "Spokeswoman Lena
    Varga added ...": drafted under the key "the-ministry-s-spokeswoman" (and the ministry as
    "The Steppe Ministry" with the role "of Transport"). Named so near it, she is Lena Varga;
    named by no one, an unnamed spokeswoman of the ministry; another body's spokeswoman is
    not her, and "its spokesman" is someone of the body that spoke last, not a person."""
    story = (
        "The Steppe Ministry of Transport said on Monday it would close the northern line.\n\n"
        "The ministry's spokeswoman said the closure would last two weeks.\n\n"
    )
    named = (
        story + "The decision drew criticism. Spokeswoman Lena Varga added that fares would fall.\n"
    )
    found = extract(named, registry=registry)
    assert [(c.speaker, c.speaker_resolved) for c in found] == [
        ("Steppe Ministry of Transport", False),
        ("Lena Varga", True),
        ("Lena Varga", False),
    ]
    other = story + "Northwind spokeswoman Lena Varga said that fares would fall.\n"
    found = extract(other, registry=registry)
    assert (found[1].speaker, found[1].speaker_unnamed) == (
        "Steppe Ministry of Transport spokeswoman",
        True,
    )
    draft = drafted(story, registry)[0]
    assert "speaker: steppe-ministry-of-transport-spokeswoman  # unnamed" in draft
    assert "ministry-s" not in draft
    its = (
        "Northwind Rail, the freight operator, said on Monday it would raise its fares. Marta "
        "Belova, a farmer, said the rise was unfair. Its spokesman said the rise was needed.\n"
    )
    assert extract(its, registry=registry)[-1].speaker == "Northwind Rail spokesman"


def test_quoted_words_then_the_speakers_next_cue_are_two_statements_not_one_inside_other(
    registry,
):
    """ "Orlov called the plan “dead on arrival,” adding that ...": the partial statement ran
    on over "adding that the union would strike", drafted again as its own statement; a
    quotation inside reported speech stays partial, a whole one direct."""
    text = (
        "Orlov said the plan was “dead on arrival” and would be withdrawn. “The plan is dead,” "
        "Orlov said.\n\n"
        "Orlov, the union's leader, called the plan “dead on arrival,” adding that the union "
        "would strike.\n"
    )
    found = extract(text, registry=registry)
    assert [(c.kind, c.cue, c.text) for c in found] == [
        ("partial", "said", "said the plan was “dead on arrival” and would be withdrawn"),
        ("direct", "said", "The plan is dead"),
        ("partial", "called", "called the plan “dead on arrival,”"),
        ("indirect", "adding", "adding that the union would strike"),
    ]


def test_a_quotation_that_was_how_someone_described_it_is_theirs_and_partial(registry):
    """ "“Dead on arrival” was how Orlov described the plan": drafted as a direct quote said
    by "was how Orlov"; the quoted words are his, set in the author's sentence."""
    text = (
        "“Dead on arrival” was how Orlov described the plan.\n\n"
        "“A temporary measure” is how the minister, Petra Sokolova, described the tariff.\n"
    )
    found = extract(text, registry=registry)
    assert [(c.kind, c.speaker, c.cue, c.text) for c in found] == [
        ("partial", "Orlov", "described", "Dead on arrival"),
        ("partial", "Petra Sokolova", "described", "A temporary measure"),
    ]


def test_a_common_noun_opening_a_sentence_is_no_misspelt_name(registry):
    """ "Passenger groups warned ..." after "the Green group": the plural of a common noun,
    capitalized only because it opens the sentence, was taken for a misspelling of the
    body's name."""
    text = (
        "Councillor Dana Fiala, who leads the Green group, said the freeze was welcome.\n\n"
        "Passenger groups warned that cuts to night services would hit shift workers hardest.\n"
    )
    found = extract(text, registry=registry)
    assert [(c.speaker_as_written, c.speaker) for c in found][-1] == (
        "Passenger groups",
        "Passenger groups",
    )
    assert not found[-1].speaker_resolved


def test_later_on_before_a_day_is_no_part_of_the_cue(registry):
    """ "Varga said later on Monday that ...": the cue was drafted "said later on" (the day
    alone left out of it); the cue is the verb, the day, as written, dates it."""
    text = "Varga said later on Monday that the matter would go to the council.\n"
    (c,) = extract(text, registry=registry, published="2026-09-22")
    assert (c.cue, c.said, c.said_as_written) == ("said", "2026-09-21", "later on Monday")


def test_a_day_in_the_phrase_between_said_and_that_dates_the_saying(registry):
    """ "said at a regular press briefing on Wednesday that ...": the phrase says how and
    when it was said (the draft had no date); a day after "that" is still what was said of."""
    text = (
        "Ministry spokesperson Delia Kesh said at a regular press briefing on Wednesday that the "
        'deal showed "what neighbours can do."\n\n'
        "Kesh said in a radio interview that the railway would reopen on Friday.\n"
    )
    first, second = extract(text, registry=registry, published="2026-03-05")
    assert (first.said, first.said_as_written, first.said_basis) == (
        "2026-03-04",
        "on Wednesday",
        "resolved",
    )
    assert (second.said, second.said_basis) == ("../2026-03-05", "inferred")


def test_an_interview_s_answers_are_the_interviewee_s_and_its_questions_no_statements(registry):
    """ "Q: ... / A: ...": the answers were drafted as spoken by "A", the questions by "Q";
    the answers are the person the introduction names, the questions the interviewer's
    (the publication's words, as a headline is)."""
    text = (
        "Q&A: a harbour chief on the ships leaving\n\n"
        "Port director Tomas Virek took over last year. He spoke to the Ledger on Thursday.\n\n"
        "Q: Three shipping lines have left this year. Why?\n\n"
        "A: Because we are slow. A ship waits two days here for a berth.\n\n"
        "Q: Whose fault is that?\n\n"
        "A: Mine now, since I run the port.\n"
    )
    found = extract(text, registry=registry)
    assert [(c.speaker_as_written, c.speaker, c.kind) for c in found if c.cue == ":"] == [
        ("A", "Tomas Virek", "direct"),
        ("A", "Tomas Virek", "direct"),
    ]
    assert not any("Why?" in c.text or "fault" in c.text for c in found)
    transcript = "HOST: Welcome back.\n\nQ: Is that a question?\n\nA: It is.\n"
    assert [c.speaker for c in extract(transcript, registry=registry)] == ["HOST", "A"]


def test_a_body_named_inside_an_interview_answer_does_not_take_the_answer(registry):
    """ "A: The council gave us money for offices. ...": the retrained tagger read "The
    council | gave" inside the answer, and the answer went to the council, cue "gave"."""
    text = (
        "Port director Tomas Virek took over last year.\n\n"
        "Q: The city council says it gave the port enough money.\n\n"
        "A: The council gave us money for offices. It did not give us money for cranes. I have"
        " the budgets, and anyone can read them.\n"
    )
    found = extract(text, registry=registry)
    answer = next(c for c in found if c.text.startswith("The council gave us"))
    assert (answer.speaker, answer.cue, answer.kind) == ("Tomas Virek", ":", "direct")


def test_we_inside_a_quotation_is_no_statement_of_its_own_in_the_draft(registry):
    """ "A: We have ordered six new cranes. ...": the answer's "we" was drafted as a speaker
    of its own ("have ordered"); the words are the answer's speaker's."""
    text = (
        "Port director Tomas Virek took over last year.\n\n"
        "Q: What happens next?\n\n"
        "A: We have ordered six new cranes. The first two arrive in March. If they do not, you "
        "can ask me again and I will tell you whose fault it is.\n"
    )
    draft, count = drafted(text, registry)
    assert count == 1 and "speaker: we" not in draft
    # Whether the tagger marks "We | have ordered" inside the answer is the model's choice (the
    # one shipped since 3af4747 does not); PolNeAR marks such, and the draft leaves it out.
    (answer,) = extract(text, registry=registry)
    cue = text.index("have ordered")
    we = replace(
        answer,
        kind="indirect",
        speaker=None,
        speaker_as_written="We",
        speaker_start=cue - 3,
        speaker_end=cue - 1,
        cue="have ordered",
        cue_start=cue,
        cue_end=cue + len("have ordered"),
        content_start=cue + len("have ordered "),
        content_end=text.index(". The first"),
    )
    draft = draft_yaml(
        [answer, we], text=text, text_path="t.txt", title="t", published=None, sha256="0",
        known_speakers=set(),
    )  # fmt: skip
    assert draft.count("\n    status: draft\n") == 1 and "speaker: we" not in draft


def test_the_company_is_the_one_its_trade_names_in_the_words_said(registry):
    """ "Ostrava Metals, the largest aluminium producer in Brennov, will cut 1,200 jobs, the
    company said": the company, named with its trade in the words said, was left an
    unresolved description, and so was "The company" after it; a person described with a
    company beside them is no company."""
    text = (
        "BRENNOV, June 17 (Reuters) - Ostrava Metals, the largest aluminium producer in "
        "Brennov, will cut 1,200 jobs, the company said on Tuesday.\n\n"
        "The company blamed high electricity prices.\n\n"
        "Anna Berg, the chief executive of the company, said the plant lost money.\n"
    )
    found = extract(text, registry=registry)
    assert [(c.speaker_as_written, c.speaker) for c in found] == [
        ("the company", "Ostrava Metals"),
        ("The company", "Ostrava Metals"),
        ("Anna Berg, the chief executive of the company,", "Anna Berg"),
    ]


def test_a_surname_after_its_title_is_the_person_named_in_full_before(registry):
    """ "The Minister of Water Resources, Ravil Osmani, today presented ..." then "Minister
    Osmani stated": drafted as a speaker "Osmani" of its own (only a registry speaker was
    looked up by surname after a title)."""
    text = (
        "The Minister of Water Resources, Ravil Osmani, today presented the plan.\n\n"
        "\u201cOur farmers lost a third of their harvest,\u201d Minister Osmani stated.\n"
    )
    (c,) = extract(text, registry=registry)
    assert (c.speaker_as_written, c.speaker, c.role) == (
        "Minister Osmani",
        "Ravil Osmani",
        "Minister",
    )


def test_the_minister_is_the_speaker_the_text_gave_that_title(registry):
    """ "Minister Osmani stated ..." then "The Minister stressed ...": left an unresolved
    description where the registry has ministers of its own (here Lavrov); a deputy
    minister, or a ministry's spokesman for "the ministry", is not whom it means."""
    text = (
        "The Minister of Water Resources, Ravil Osmani, today presented the plan.\n\n"
        "\u201cOur farmers lost a third of their harvest,\u201d Minister Osmani stated.\n\n"
        "Deputy Minister Alina Cerny said the villages would be consulted.\n\n"
        "The Minister stressed that the plan would be paid for from the budget.\n\n"
        "Ministry spokesman Arno Teig said the tenders would open in October.\n\n"
        "The ministry said the watering ban stays.\n"
    )
    found = extract(text, registry=registry)
    assert [(c.speaker_as_written, c.speaker) for c in found] == [
        ("Minister Osmani", "Ravil Osmani"),
        ("Deputy Minister Alina Cerny", "Alina Cerny"),
        ("The Minister", "Ravil Osmani"),
        ("Ministry spokesman Arno Teig", "Arno Teig"),
        ("The ministry", "The ministry"),
    ]


def test_a_british_dateline_with_the_day_first_dates_the_story(registry):
    """ "SARNET, 12 August 2026 - The Minister ...": the day written before its month was
    no dateline, so the draft had no publication date and no `body:`."""
    line = dateline("PRESS RELEASE\n\nSARNET, 12 August 2026 - The Minister spoke.\n")
    assert (line.written, line.published) == ("SARNET, 12 August 2026", "2026-08-12")
    assert dateline("LENMARK, 3 March (Reuters) - X said.\n").agency == "Reuters"
    text = (
        "Minister presents drought plan\n\n"
        "SARNET, 12 August 2026 - The minister said the plan would cost 2 billion.\n"
    )
    draft, _ = drafted(text, registry)
    assert 'published: "2026-08-12"' in draft
    assert 'body: "SARNET, 12 August 2026' in draft


def test_according_to_after_a_quotation_is_no_speaker_of_it(registry):
    """ "said the count must be “transparent and quick,” according to a statement from his
    embassy": "according to a" was read as the quotation's speaker and "statement" as its
    cue, a statement of its own; the quotation is the ambassador's, which his embassy
    reports."""
    text = (
        "The ambassador of Norvania, Henrik Aalto, said the count must be \u201ctransparent "
        "and quick,\u201d according to a statement from his embassy.\n"
    )
    found = extract(text, registry=registry)
    assert not any((c.speaker_as_written or "").startswith("according") for c in found)
    draft, count = drafted(text, registry)
    assert count == 1 and "speaker: henrik-aalto" in draft
    assert 'text: "said the count must be \u201ctransparent and quick,\u201d"' in draft


def test_its_in_a_role_is_the_body_that_spoke_last(registry):
    """ "The metalworkers' union said ... Its leader, Pavel Stern, called ...": the role was
    drafted "Its leader", whose leader left to the curator; a union is a body."""
    text = (
        "The metalworkers' union said it would fight the closure. Its leader, Pavel Stern, "
        "called the decision \u201ca betrayal of three generations of workers.\u201d\n"
    )
    found = extract(text, registry=registry)
    assert [(c.speaker, c.role) for c in found] == [
        ("The metalworkers' union", None),
        ("Pavel Stern", "leader of the metalworkers' union"),
    ]


def test_a_day_in_the_main_clause_does_not_date_a_later_clause_s_statement():
    """ "The mayor ruled out on Tuesday any rise in fares, days after the transport company
    asked for a 15 percent increase": the company's asking was dated Tuesday, the mayor's
    day; a clause before the speaker ("On Tuesday, after talks, Orlov said") still dates."""
    text = (
        "The mayor ruled out on Tuesday any rise in tram fares this year, days after the "
        "city's transport company asked for a 15 percent increase.\n\n"
        "On Tuesday, after talks with the union, Anton Orlov said the fares would stay.\n"
    )
    ruled, asked, said = extract(text, published="2026-05-06")
    assert (ruled.cue, ruled.said) == ("ruled out", "2026-05-05")
    assert (asked.cue, asked.said, asked.said_basis) == ("asked for", "../2026-05-06", "inferred")
    assert (said.speaker, said.said) == ("Anton Orlov", "2026-05-05")


def test_a_quotation_after_reported_words_is_its_own_cue_s_when_that_cue_takes_an_object(
    registry,
):
    """ "Vult warned that police would not allow it. “The right to protest is not the right to
    paralyse the state,” he wrote on Telegram.": the quotation was drafted as the warning's
    words, with "wrote on" a statement of "Telegram"; it is "wrote"'s."""
    text = (
        "Interior Minister Gregor Vult warned that police would not allow protesters to block "
        "the building. \u201cThe right to protest is not the right to paralyse the state,\u201d "
        "he wrote on Telegram.\n"
    )
    warned, wrote = extract(text, registry=registry)
    assert (warned.cue, warned.kind, warned.text) == (
        "warned",
        "indirect",
        "warned that police would not allow protesters to block the building",
    )
    assert (wrote.cue, wrote.kind, wrote.speaker) == ("wrote", "direct", "Gregor Vult")
    assert wrote.text == "The right to protest is not the right to paralyse the state"


def test_reminds_and_ruled_out_are_cues():
    """ "The Ministry reminds citizens that ...", "Keller ruled out on Tuesday any rise in
    fares": neither was drafted (no cue of the lexicon)."""
    text = (
        "The Ministry reminds citizens that restrictions on garden watering remain in force.\n\n"
        "Mayor Ruta Keller ruled out on Tuesday any rise in tram fares this year.\n"
    )
    found = extract(text, published="2026-05-06")
    assert [(c.speaker, c.cue, c.said) for c in found] == [
        ("The Ministry", "reminds", "../2026-05-06"),
        ("Ruta Keller", "ruled out", "2026-05-05"),
    ]


def test_a_body_s_name_does_not_run_over_a_line_break(registry):
    """ "PRESS RELEASE\\n\\nMinistry of Water Resources ..." then "The Ministry reminds ...":
    "PRESS RELEASE Ministry" was read as a name across the blank line, and "The Ministry"
    resolved to it."""
    text = (
        "PRESS RELEASE\n\nMinistry of Water Resources\n\nMinister presents drought plan\n\n"
        "SARNET, 12 August 2026 - The Ministry reminds citizens that restrictions on garden "
        "watering remain in force.\n"
    )
    found = extract(text, registry=registry)
    assert [c.cue for c in found] == ["reminds"]
    assert "RELEASE" not in found[0].speaker


def test_a_description_before_a_name_is_its_role(registry):
    """ "A Veskan farmer whose fields lie next to the site, Marek Dorn, said ...": the
    speaker was drafted as the name with no role."""
    text = (
        "A Veskan farmer whose fields lie next to the site, Marek Dorn, said soldiers had "
        "told him to keep his cattle away from the fence.\n"
    )
    dorn = extract(text, registry=registry)[0]
    assert (dorn.speaker, dorn.role) == (
        "Marek Dorn",
        "Veskan farmer whose fields lie next to the site",
    )


def test_a_verb_inside_whom_words_are_according_to_is_no_cue(registry):
    """ "According to a joint statement released after the talks, engineers will ...": the
    tagger read "released after" as a cue of "a joint statement", a second statement."""
    text = (
        "According to a joint statement released after the talks, engineers from the two "
        "countries will begin a survey of the line in April.\n"
    )
    found = extract(text, registry=registry)
    assert [c.cue for c in found] == ["According to"]


def test_a_weekday_s_possessive_is_what_is_spoken_of_not_when():
    """ "... of Wednesday's league match": dated the Wednesday before publication, the day of
    a match still to come; "said Wednesday" still dates the saying."""
    assert (
        said_in("Berg is expected to take charge of Wednesday's league match.", "2026-11-09")
        is None
    )
    assert (
        said_in("Berg is expected to take charge of Wednesday\u2019s match.", "2026-11-09") is None
    )
    assert said_in("Berg said Wednesday the match was lost.", "2026-11-09")[0] == "2026-11-04"


def test_a_press_release_s_title_is_its_heading_not_its_label():
    """ "PRESS RELEASE / Ministry of ... / Minister presents drought plan / SARNET, ...": the
    draft's title was "PRESS RELEASE"; a story's first line stays its title."""
    release = (
        "PRESS RELEASE\n\nMinistry of Water Resources\n\nMinister presents drought plan\n\n"
        "SARNET, 12 August 2026 - The Minister today presented the plan.\n"
    )
    assert headline(release) == "Minister presents drought plan"
    assert headline("For immediate release:\n\nPlan presented\n\nThe plan was shown.\n") == (
        "Plan presented"
    )
    assert headline("Coach quits after cup defeat\n\nMERAN, Nov. 9 - She quit.\n") == (
        "Coach quits after cup defeat"
    )


def test_reported_words_end_before_a_clause_of_another_time():
    """ "ruled out on Tuesday any rise in tram fares this year, days after the company asked
    for ...": the mayor's words ran on over the reporter's clause."""
    text = (
        "Mayor Ruta Keller ruled out on Tuesday any rise in tram fares this year, days after "
        "the city's transport company asked for a 15 percent increase.\n"
    )
    ruled = extract(text, published="2026-05-06")[0]
    assert (ruled.cue, ruled.text) == (
        "ruled out",
        "ruled out on Tuesday any rise in tram fares this year",
    )


def test_a_body_named_noun_first_is_what_the_description_means(registry):
    """ "Ministry of Water Resources of the Republic of Talmora" (a press release's issuer)
    then "The Ministry reminds ...": left an unresolved description, as a body named noun
    first was no name; "the Council of Ministers" is no ministry."""
    text = (
        "Ministry of Water Resources of the Republic of Talmora\n\n"
        "SARNET, 12 August 2026 - The minister presented the plan to the Council of Ministers.\n\n"
        "The Ministry reminds citizens that restrictions on garden watering remain in force.\n"
    )
    found = extract(text, registry=registry)
    assert [(c.cue, c.speaker) for c in found] == [
        ("reminds", "Ministry of Water Resources of the Republic of Talmora")
    ]


def test_the_body_after_a_headline_without_a_dateline_is_given(registry):
    """ "Q&A: a harbour chief ...\\n\\nPort director Tomas Virek took over ...": the draft had
    no `body:` when a headline, and no dateline, came before the story (the body's start
    was the headline's end, and the opening words were read from the blank line)."""
    text = "Harbour chief on the ships leaving\n\nPort director Tomas Virek took over last year.\n"
    assert body_opening(text) == "Port director Tomas Virek"
    draft, _ = drafted(text, registry)
    assert 'body: "Port director Tomas Virek"' in draft


def test_a_passive_cue_is_no_statement_in_the_draft(registry):
    """ "Jonas Berg is expected to take charge of the next match": drafted as Berg's
    statement, cue "is expected"; who expects it is not said, and Berg says nothing."""
    text = (
        "Club president Viktor Renko said the board would name a coach within a week.\n\n"
        "Halvorsen's assistant, Jonas Berg, is expected to take charge of Wednesday's league "
        "match against Tarvik.\n"
    )
    assert "is expected" in [c.cue for c in extract(text, registry=registry)]
    draft, count = drafted(text, registry)
    assert count == 1 and "is expected" not in draft


def test_days_ago_and_a_relative_date_before_a_partial_quote_date_the_saying(registry):
    """ "told lawmakers two days ago that" is two days before publication, and "said earlier
    this month that ... “...”" dates the saying though the quoted words make it partial:
    the cue is "said", not "said earlier this month" (April 16, 2025 was a Wednesday)."""
    story = (
        "Deputy Minister Mira Tallen told lawmakers two days ago that the talks were slow.\n"
        "\n"
        "Pavel Ostrik said earlier this month that the deal would cover every crossing "
        "“from the lake to the hills.”\n"
    )
    told, said = extract(story, registry=registry, published="2025-04-16")
    assert (told.cue, told.said, told.said_as_written) == ("told", "2025-04-14", "two days ago")
    assert said.kind == "partial"
    assert (said.cue, said.said, said.said_as_written) == (
        "said",
        "2025-04-01/2025-04-16",
        "earlier this month",
    )
    assert said_in("He said three days ago that", "2025-04-16")[:2] == (
        "2025-04-13",
        "three days ago",
    )
    assert said_in("He said last week's talks failed", "2025-04-16") is None  # the talks' week


def test_a_quotation_that_ends_its_sentence_ends_it_for_the_next_speaker_and_day(registry):
    """ "... had offered “a joint commission.” Ostrik, deputy head ..., told": the closing
    mark after the full stop ends the sentence, so the next one's speaker is Ostrik, not
    "his team" inside the quotation's sentence, and its day is its own."""
    story = (
        "Veldra's chief negotiator, Pavel Ostrik, said last week that his team had offered "
        "“a joint commission for every crossing.” Ostrik, deputy head of the Veldran "
        "delegation, told reporters earlier this month that the offer still stood.\n"
    )
    said, told = extract(story, registry=registry, published="2025-04-17")
    assert said.said == "2025-04-07/2025-04-13"
    assert told.speaker_as_written == "Ostrik, deputy head of the Veldran delegation,"
    assert (told.said, told.said_as_written) == ("2025-04-01/2025-04-17", "earlier this month")
    assert [s.text for s in sentences("He said it was “over.” She left. “A. B,” he said.")] == [
        "He said it was “over.”",
        "She left.",
        "“A. B,” he said.",
    ]


def test_a_surname_with_a_role_beside_it_is_the_full_name_before(registry):
    """ "Ostrik, deputy head of the delegation, said": the surname of Pavel Ostrik, named a
    paragraph up, with his role; not a speaker of its own."""
    story = (
        "Pavel Ostrik said on Monday that the offer was fair.\n"
        "\n"
        "Ostrik, deputy head of the Veldran delegation, said the offer still stood.\n"
    )
    _, again = extract(story, registry=registry, published="2025-04-17")
    assert (again.speaker, again.role) == ("Pavel Ostrik", "deputy head of the Veldran delegation")
    assert again.speaker_resolved


def test_according_to_set_off_inside_the_words_said_is_one_statement_of_its_source(registry):
    """ "Most growers in the valley, according to the union, oppose the deal": the union's,
    the whole sentence said; neither "Most growers in the valley" for a speaker nor "the
    union | oppose" for a statement of its own."""
    story = (
        "KARSK, April 21 /VELTA/. The talks opened in March 2025.\n"
        "\n"
        "Most growers in the upper valley, according to the farmers' union, oppose the "
        "border deal.\n"
    )
    (found,) = extract(story, registry=registry)
    assert found.speaker_as_written == "the farmers' union"
    assert found.cue == "according to"
    assert found.text == (
        "Most growers in the upper valley, according to the farmers' union, oppose the border deal"
    )


def test_an_acronym_after_a_registry_name_is_no_role(registry):
    """ "The Afghan Ministry of Foreign Affairs (MoFA) on Wednesday denied ...": the
    ministry, with no role; "(MoFA)" abbreviates its name."""
    story = (
        "The Afghan Ministry of Foreign Affairs (MoFA) on Wednesday denied that a border "
        "deal was close.\n"
    )
    (found,) = extract(story, registry=registry, published="2025-04-16")
    assert (found.speaker_key, found.role) == ("afghan-foreign-ministry", None)


def test_a_verb_right_after_the_words_said_is_theirs_not_a_second_statement(registry):
    """ "She said the Veldran side still refused to discuss the crossings": one statement of
    hers, its words running to the end; "still refused" is the Veldran side's verb inside
    them, not a second statement of "she"."""
    story = (
        "Deputy Minister Mira Tallen spoke to lawmakers on Monday. She said the Veldran side "
        "still refused to discuss the river crossings.\n"
    )
    (found,) = extract(story, registry=registry, published="2025-04-16")
    assert found.speaker == "Mira Tallen"
    assert found.text == "said the Veldran side still refused to discuss the river crossings"


def test_a_cue_takes_no_source_from_the_next_sentence(registry):
    """ "The movement has asked to join the talks. The group said ...": "has asked" is the
    movement's; "The group", the next sentence's subject, is no source of it (the tagger
    read the cue alone, and its nearest source lay after the full stop)."""
    from quotes.extract.assemble import attributions
    from quotes.extract.tagger import Span

    text = "Talks went on. The movement has asked to join. The group said it would wait."
    cue = Span("cue", text.index("has asked"), text.index("has asked") + 9)
    group = Span("source", text.index("The group"), text.index("The group") + 9)
    (found,) = attributions(text, [cue, group])
    assert found.speaker_start is None


def test_a_verb_after_its_subject_s_relative_clause_is_in_the_words_said(registry):
    """ "... say the Free Highlands Movement, which controls the hills, has asked to join the
    talks": what they say runs to the end; "has asked" is not cut off as a statement of its
    own (the comma closes the movement's relative clause)."""
    story = (
        "Veldran officials say the Free Highlands Movement, which controls part of the border "
        "area, has asked to join the talks.\n"
    )
    (found,) = extract(story, registry=registry, published="2025-04-16")
    assert found.cue == "say"
    assert found.text.endswith("border area, has asked to join the talks")


def test_the_statement_is_the_body_that_just_spoke(registry):
    """ "“...,” the statement said", after the ministry's accusation: the ministry's words,
    resolved (to check), not a speaker called "statement"."""
    story = (
        "The Afghan Foreign Ministry accused Veldra of leaking the draft to the press. "
        "“It is not how partners behave,” the statement said.\n"
    )
    _, quoted = extract(story, registry=registry, published="2025-04-16")
    assert quoted.kind == "direct"
    assert (quoted.speaker_key, quoted.speaker_resolved) == ("afghan-foreign-ministry", True)


def test_a_title_case_city_before_its_agency_and_a_dash_is_a_dateline(registry):
    """ "Karsk (Lakeside Wire) - ...": a dateline, as "KARSK (Reuters) -" is; the standfirst
    above it is left out and the agency is the publication."""
    story = (
        "Mediator urges patience at Karsk talks\n"
        "\n"
        "The host council says both delegations have agreed to stay until Friday.\n"
        "\n"
        "Karsk (Lakeside Wire) - The head of the host council, Ana Mirel, said on Thursday "
        "that the talks were in their hardest stretch.\n"
    )
    (found,) = extract(story, registry=registry, published="2025-04-17")
    assert found.speaker == "Ana Mirel"
    assert dateline(story).agency == "Lakeside Wire"
    assert dateline("Karsk (Lakeside Wire) said on Monday it would close.") is None


def test_the_council_is_no_ministry_named_before(registry):
    """ "The council said": not the Afghan Foreign Ministry, the registry body named before
    (a ministry is no council); left for the curator, while "the ministry" is still it."""
    story = (
        "The Afghan Foreign Ministry said on Monday that it would send a delegation.\n"
        "\n"
        "The council said in a statement that it would publish no texts.\n"
        "\n"
        "The ministry said the delegation would arrive on Friday.\n"
    )
    _, council, ministry = extract(story, registry=registry, published="2025-04-17")
    assert council.speaker_key is None
    assert ministry.speaker_key == "afghan-foreign-ministry"


def test_whom_and_when_it_was_urged_date_the_urging_not_what_was_urged(registry):
    """ "urged both sides on Wednesday to “keep talking”": Wednesday is the urging's day
    (April 23, 2025 was a Wednesday); "urged the delegations to meet on Friday" is undated,
    Friday being the meeting's."""
    story = (
        "The Karsk Host Council urged both sides on Wednesday to “keep talking, not shouting”. "
        "Later the council urged the delegations to meet on Friday.\n"
    )
    urged, again = extract(story, registry=registry, published="2025-04-23")
    assert (urged.said, urged.said_as_written) == ("2025-04-23", "on Wednesday")
    assert again.said == "../2025-04-23"


def test_a_member_of_a_delegation_is_someone_the_source_does_not_name(registry):
    """ "A member of the Veldran delegation, who spoke on condition of anonymity, said":
    an unnamed speaker of the source's own, as "a senior diplomat" is, not a registry
    speaker to add."""
    story = (
        "A member of the Veldran delegation, who spoke on condition of anonymity, said the "
        "survey was a way to buy time.\n"
    )
    (found,) = extract(story, registry=registry, published="2025-04-23")
    assert found.speaker_unnamed
    draft, _ = drafted(story, registry, published="2025-04-23")
    assert "speaker: member-of-the-veldran-delegation  # unnamed" in draft


def test_reports_are_unnamed_not_a_speaker_to_register(registry):
    """ "Reports, however, suggest that ...": reports the source does not name, declared in
    the draft's own speakers (no discourse word kept), not a registry speaker to add."""
    story = "Reports, however, suggest that the Ostranian side is open to a wider format.\n"
    (found,) = extract(story, registry=registry, published="2025-04-23")
    assert (found.speaker, found.speaker_unnamed) == ("Reports", True)
    draft, _ = drafted(story, registry, published="2025-04-23")
    assert "speaker: reports  # unnamed" in draft


def test_its_in_a_role_is_the_body_named_before(registry):
    """ "The Afghan Foreign Ministry was cautious. Its spokesman, Teodor Brisk, said":
    his role is spokesman of that ministry (as the registry writes titles), not "Its
    spokesman"."""
    story = (
        "The Afghan Foreign Ministry was more cautious. Its spokesman, Teodor Brisk, said "
        "several points remained open.\n"
    )
    (found,) = extract(story, registry=registry, published="2025-04-16")
    assert (found.speaker, found.role) == (
        "Teodor Brisk",
        "spokesman of Afghan Ministry of Foreign Affairs",
    )


def test_quoted_as_saying_is_the_statement_of_whom_was_quoted(registry):
    """ "State news agency KNA quoted the energy minister, Oda Brenn, as saying that ...":
    she said it, in the role the sentence gives her; the agency's "quoted" is how the words
    reached the page, not a statement of its own."""
    story = (
        "State news agency KNA quoted the energy minister, Oda Brenn, as saying that the dam "
        "“will not be built this decade.” The weekly Tarn Echo quoted a ferryman, Ilmar Soot, "
        "as saying he had never seen the river so low.\n"
    )
    brenn, soot = extract(story, registry=registry, published="2025-04-16")
    assert (brenn.speaker, brenn.role, brenn.cue, brenn.kind) == (
        "Oda Brenn",
        "energy minister",
        "saying",
        "partial",
    )
    assert (soot.speaker, soot.role) == ("Ilmar Soot", "ferryman")


def test_a_year_alone_dates_the_saying(registry):
    """ "In 2019, ... promised" and "said in a 2017 interview": the year, stated (was
    undated, "../" the publication); a nearer day still wins, and two years or a span
    ("2019-20") date nothing."""
    story = (
        "In 2019, the former minister, Oskar Hemm, promised parliament that every village "
        "would have a well. Tarja Lusk, a farmer, said in a 2017 interview that the canals "
        "were failing.\n"
    )
    hemm, lusk = extract(story, registry=registry, published="2025-06-20")
    assert (hemm.said, hemm.said_as_written, hemm.said_basis) == ("2019", "In 2019", "stated")
    assert (lusk.said, lusk.said_as_written) == ("2017", "in a 2017 interview")
    assert said_in("Osk, elected in 2019, said yesterday", "2025-06-20")[0] == "2025-06-19"
    assert said_in("the 2019-20 budget, in 2015 and 2016", "2025-06-20") is None


def test_a_paper_or_a_site_named_after_what_it_is(registry):
    """ "The pro-government daily Trin Vesnik", "The news website Marlnet": the name is the
    speaker, what it is the role (was one key, "pro-government-daily-trin-vesnik"); so is
    a columnist named after the paper he writes for."""
    story = (
        "The pro-government daily Trin Vesnik wrote on Monday that the protest had failed. "
        "The news website Marlnet reported that the governors had been told to keep calm. "
        "Trin Vesnik’s columnist Aldo Fenk predicted that turnout would fall.\n"
    )
    daily, site, columnist = extract(story, registry=registry, published="2025-05-16")
    assert (daily.speaker, daily.role) == ("Trin Vesnik", "pro-government daily")
    assert (site.speaker, site.role) == ("Marlnet", "news website")
    assert (columnist.speaker, columnist.role) == ("Aldo Fenk", "Trin Vesnik’s columnist")


def test_a_body_named_with_the_is_keyed_without_it(registry):
    """ "The Tarn Delta Alliance, a coalition of fishing cooperatives, said": the key a
    curator would give it, tarn-delta-alliance (was the-tarn-delta-alliance)."""
    story = (
        "The Tarn Delta Alliance, a coalition of fishing cooperatives, said the dam would "
        "ruin the delta.\n"
    )
    draft, _ = drafted(story, registry, published="2025-04-10")
    assert "    speaker: tarn-delta-alliance  # not in the registry" in draft


def test_himself_after_a_name_is_no_part_of_it(registry):
    """ "Falk himself has dismissed ...": Ruben Falk, named before (was a speaker
    "falk-himself" to add)."""
    story = (
        "The farm minister, Ruben Falk, opened the summit on Monday. Falk himself has "
        "dismissed critics as “armchair hydrologists.”\n"
    )
    (found,) = extract(story, registry=registry, published="2025-06-20")
    assert (found.speaker_as_written, found.speaker) == ("Falk himself", "Ruben Falk")


def test_the_verb_a_cue_hangs_on_is_no_speaker(registry):
    """ "The minister of agriculture, Ruben Falk, likes to say that “...”": he says it, in
    his role (the speaker was "likes to", with that for a role)."""
    story = (
        "The minister of agriculture, Ruben Falk, likes to say that “the farmers have never "
        "had a better friend.”\n"
    )
    (found,) = extract(story, registry=registry, published="2025-06-20")
    assert (found.speaker, found.role) == ("Ruben Falk", "minister of agriculture")


def test_a_standfirst_of_two_sentences_and_the_byline_under_it(registry):
    """A long read's standfirst may ask its question in a second sentence; the byline under
    it is still the author's, and the body starts after it (was: the standfirst taken for
    the body, no author)."""
    story = (
        "The Dam That Divides the Tarn\n"
        "\n"
        "Features | Long Read\n"
        "\n"
        "Vessia’s new dam has angered its neighbours. Can Brask keep them at bay?\n"
        "\n"
        "By Ilka Sorren\n"
        "\n"
        "For most of the decade the valley was quiet.\n"
    )
    assert story[body_start(story) :].strip() == "For most of the decade the valley was quiet."
    draft, _ = drafted(story, registry, published="2025-04-10")
    assert 'author: "Ilka Sorren"' in draft


def test_a_question_opening_with_can_names_no_can(registry):
    """ "Can Brask keep them at bay?" names Brask: "Brask insists that ..." later is Brask's
    (was resolved to a speaker "Can Brask")."""
    story = (
        "Will the dam be built? Can Brask keep its neighbours at bay? Brask insists that the "
        "project is purely commercial.\n"
    )
    (found,) = extract(story, registry=registry, published="2025-04-10")
    assert (found.speaker, found.speaker_resolved) == ("Brask", False)


def test_a_ministry_of_another_portfolio_is_not_the_one_named_before(registry):
    """ "The Ostrian Foreign Ministry accused ... Vessia ..., and its finance ministry
    insists": not the Foreign Ministry (was resolved to it), but Vessia's, for the curator;
    "the foreign ministry" after both is the Foreign Ministry again."""
    story = (
        "The Ostrian Foreign Ministry accused Brask of “economic blackmail.” Vessia has "
        "denied that the fees were political, and its finance ministry insists that they "
        "only cover the cost of new scales. The foreign ministry said on Monday it would "
        "seek arbitration.\n"
    )
    _, _, finance, foreign = extract(story, registry=registry, published="2025-04-10")
    assert (finance.speaker, finance.role) == ("Vessia finance ministry", "finance ministry")
    assert (foreign.speaker, foreign.speaker_resolved) == ("Ostrian Foreign Ministry", True)


def test_everyone_somewhere_is_no_speaker_in_the_draft(registry):
    """ "Not everyone in Vessia opposes the dam": no one in Vessia spoke (the draft had a
    speaker "everyone-in-vessia"), as "everyone" alone is none."""
    story = (
        "Not everyone in Vessia opposes the dam. The mayor of Ostrin, Lida Karst, said it "
        "would bring jobs.\n"
    )
    draft, count = drafted(story, registry, published="2025-04-10")
    assert "everyone" not in draft
    assert "speaker: lida-karst" in draft


def test_a_name_before_its_own_cue_is_not_the_speaker_of_the_cue_before(registry):
    """ "The Regional Development Bank, which financed the first corridor, has expressed
    concern about ..., and its president, Ines Kallberg, told ...": the bank expressed
    concern (was Ines Kallberg, whose name the tagger gave both cues: the rules' subject
    stands for the cue "has expressed concern about", which the rules read from "expressed");
    she told the conference."""
    from quotes.extract.assemble import attributions
    from quotes.extract.tagger import Span

    story = (
        "The Regional Development Bank, which financed the first corridor, has expressed "
        "concern about the debts of the Lutanian rail operator, and its president, Ines "
        "Kallberg, told a conference in February that the bank would not lend again “until "
        "the trains actually run.”\n"
    )
    concern, told = extract(story, registry=registry, published="2025-03-14")
    assert (concern.speaker, told.speaker) == ("Regional Development Bank", "Ines Kallberg")
    text = "The fund has voiced concern, and its head, Ola Ness, told reporters it would wait."
    spans = [
        Span("cue", text.index("has voiced"), text.index("has voiced") + 10),
        Span("content", text.index("concern"), text.index("concern") + 7),
        Span("source", text.index("Ola Ness"), text.index("Ola Ness") + 8),
        Span("cue", text.index("told"), text.index("told") + 4),
        Span("content", text.index("it would"), len(text) - 1),
    ]
    voiced, said = attributions(text, spans)
    assert (voiced.speaker_start, said.speaker_start) == (None, text.index("Ola Ness"))


def test_a_perfect_cue_of_several_words_says_no_day(registry):
    """ "has expressed concern about ..., and its president ... told a conference in
    February": the concern is undated (was February, the other clause's); the telling is
    February's."""
    story = (
        "The Regional Development Bank, which financed the first corridor, has expressed "
        "concern about the debts of the Lutanian rail operator, and its president, Ines "
        "Kallberg, told a conference in February that the bank would not lend again “until "
        "the trains actually run.”\n"
    )
    concern, told = extract(story, registry=registry, published="2025-03-14")
    assert (concern.said, told.said) == ("../2025-03-14", "2025-02")


def test_a_headline_in_quotation_marks_is_no_quotation(registry):
    """ "Its editorial, under the headline “An Empty Protest,” argued that ...": the
    headline is the paper's title, not words said (was a direct statement "An Empty
    Protest" of a speaker "its-editorial")."""
    story = (
        "The daily Trin Vesnik wrote on Monday that the protest had failed. Its editorial, "
        "under the headline “An Empty Protest,” argued that the vote would show how little "
        "support the protesters had.\n"
    )
    found = extract(story, registry=registry, published="2025-05-16")
    assert "An Empty Protest" not in [c.text for c in found]


def test_at_the_time_is_the_time_of_the_sentence_before(registry):
    """ "Officials reacted angrily last year when ... At the time, the ministry accused":
    last year (inferred; was undated, by the publication)."""
    story = (
        "Officials in Ostria reacted angrily last year when Vessia doubled transit fees. "
        "At the time, the Ostrian Foreign Ministry accused Brask of “economic blackmail.”\n"
    )
    accused = extract(story, registry=registry, published="2025-03-14")[-1]
    assert (accused.said, accused.said_as_written, accused.said_basis) == (
        "2024",
        "At the time (last year)",
        "inferred",
    )


def test_citing_whom_a_report_rests_on_is_no_statement(registry):
    """ "Citing two officials in the ministry, Marlnet said ...": whom the site relies on,
    no words of theirs or its own (was a statement "Citing two officials in the
    ministry"); what Marlnet said stays."""
    story = (
        "Citing two officials in the ministry, Marlnet said the letter had reached every "
        "governor.\n"
    )
    (found,) = extract(story, registry=registry, published="2025-05-16")
    assert (found.cue, found.speaker) == ("said", "Marlnet")


def test_a_day_after_a_past_perfect_is_what_was_said(registry):
    """ "Marlnet said the letter had been sent on Sunday.": Sunday is when the letter went,
    in the words said, not the saying's day (was "said the letter had been sent", dated
    Sunday)."""
    story = "Marlnet said the letter to the governors had been sent on Sunday.\n"
    (found,) = extract(story, registry=registry, published="2025-05-16")
    assert found.text == "said the letter to the governors had been sent on Sunday"
    assert found.said == "../2025-05-16"


def test_who_after_a_titled_name_is_the_name_in_its_role(registry):
    """ "carried a comment from Foreign Minister Oda Brenn, who said ...": Oda Brenn, in
    the role "Foreign Minister" (was one name, keyed "foreign-minister-oda-brenn")."""
    story = (
        "The agency carried a comment from Foreign Minister Oda Brenn, who said Brask hoped "
        "the vote would be “free and peaceful.”\n"
    )
    (found,) = extract(story, registry=registry, published="2025-05-16")
    assert (found.speaker, found.role) == ("Oda Brenn", "Foreign Minister")


def test_words_past_another_sentence_s_cue_are_that_cue_s(registry):
    """ "As my colleague Ilse Marr has pointed out ..., .... The Marl River Commission
    estimated in 2021 that ...": the that-clause is the Commission's (was the end of Marr's
    words, running over the full stop, and the Commission had no statement)."""
    story = (
        "The experts agree. As my colleague Ilse Marr has pointed out in these pages, the "
        "province loses more water to broken canals than it draws from its wells. The Marl "
        "River Commission estimated in 2021 that repairing the main canals would cost less "
        "than the last three emergency aid packages combined.\n"
    )
    found = extract(story, registry=registry, published="2025-06-20")
    commission = found[-1]
    assert (commission.cue, commission.speaker, commission.said) == (
        "estimated",
        "Marl River Commission",
        "2021",
    )
    assert all("." not in c.text for c in found)


def test_a_credit_line_under_the_heading_is_no_body(registry):
    """A press review's "Translated and summarised by the ... desk." under its heading is a
    credit, as a byline is: the body starts after it (was the credit line)."""
    story = (
        "Tarn Press Review: A Vote Nobody Wanted\n"
        "\n"
        "Press Review | Tarn Monitor\n"
        "\n"
        "Translated and summarised by the Tarn Monitor desk.\n"
        "\n"
        "The early election dominated the papers this week.\n"
    )
    assert story[body_start(story) :].lstrip().startswith("The early election")


def test_words_said_end_before_the_paper_quotes_someone(registry):
    """ "The Tarn Herald said voters were “tired ...,” and quoted a teacher, Ilmar Soot, as
    saying ...": the paper's words end before "and quoted" (they ran on over it)."""
    story = (
        "The Tarn Herald said local voters were “tired of being told whom to choose,” and "
        "quoted a retired teacher, Ilmar Soot, as saying he would vote for the first time.\n"
    )
    herald, soot = extract(story, registry=registry, published="2025-05-16")
    assert herald.text == "said local voters were “tired of being told whom to choose,”"
    assert (soot.speaker, soot.cue) == ("Ilmar Soot", "saying")


def test_quoted_as_saying_after_an_appositive_is_still_whom_was_quoted(registry):
    """ "The Ostrov Herald, in the north, ... and quoted a retired teacher, Marta Lind, as
    saying ...": hers, cued by "saying" (the retrained tagger read "quoted" for the cue and
    the rest for its words, and the draft gave them to the paper, "in the north" its role)."""
    story = (
        "The Ostrov Herald, in the north, said local voters were “tired of being told whom to"
        " choose,” and quoted a retired teacher, Marta Lind, as saying she would vote for the"
        " first time in twenty years.\n"
    )
    herald, lind = extract(story, registry=registry, published="2026-03-14")
    assert (herald.cue, lind.speaker, lind.role, lind.cue) == (
        "said",
        "Marta Lind",
        "retired teacher",
        "saying",
    )
    assert lind.text == "saying she would vote for the first time in twenty years"


def test_a_name_of_several_words_is_misspelt_as_a_whole(registry):
    """ "The Vessian Ministry of Railways has denied ..." after a headline naming "the
    Northern Railway": its own name (was resolved to "Northern Railway", "Railways" being
    near "Railway"); a surname misspelt alone still finds its name."""
    story = (
        "Ostria’s Quiet Bet on the Northern Railway\n"
        "\n"
        "The Vessian Ministry of Railways has repeatedly denied that it owes the contractors "
        "anything. The analyst Oleg Barabanov said the line was needed. Barabanow added that "
        "it would pay for itself.\n"
    )
    denied, said, added = extract(story, registry=registry, published="2025-02-12")
    assert denied.speaker == "Vessian Ministry of Railways"
    assert (said.speaker, added.speaker) == ("Oleg Barabanov", "Oleg Barabanov")


def test_its_after_a_fund_is_the_fund_s(registry):
    """ "The Tarn Investment Fund ... has expressed doubts ..., and its director, Sven
    Tallis, said": director of the fund (was of the paper that spoke before it)."""
    story = (
        "The independent daily Brask Courier argued on Monday that roads mattered more. "
        "The Tarn Investment Fund, which financed the first phase, has expressed doubts "
        "about the costs, and its director, Sven Tallis, said in a 2022 speech that the fund "
        "“will not pay twice for the same bridge.”\n"
    )
    tallis = extract(story, registry=registry, published="2025-02-12")[-1]
    assert (tallis.speaker, tallis.role) == ("Sven Tallis", "director of Tarn Investment Fund")


def test_the_paper_is_the_paper_named_before(registry):
    """ "The independent daily Brask Courier argued ... the paper said ...": the Brask
    Courier, resolved for the curator (was a speaker "paper" to add)."""
    story = (
        "The independent daily Brask Courier argued on Monday that roads mattered more. "
        "Citing three engineers familiar with the project, the paper said the bridges had "
        "been built too low.\n"
    )
    argued, said = extract(story, registry=registry, published="2025-02-12")
    assert (said.speaker, said.speaker_resolved) == ("Brask Courier", True)


def test_a_possessive_role_before_a_name_the_tagger_took_alone(registry):
    """ "Ostria’s trade minister, Elira Honsk, was more cautious, telling ..." and "...,
    and its president, Ines Kallo, told ...": the role before the name is hers (was none:
    the tagger's speaker was the name alone)."""
    story = (
        "Ostria’s trade minister, Elira Honsk, was more cautious, telling reporters that the "
        "deal “still depends on the border posts.” The Tarn Development Bank, which financed "
        "the first dam, has expressed concern about the debts of the Vessian water board, "
        "and its president, Ines Kallo, told a conference in February that the bank would "
        "not lend again.\n"
    )
    honsk, _, kallo = extract(story, registry=registry, published="2025-03-14")
    assert honsk.role == "Ostria’s trade minister"
    assert kallo.role == "president of Tarn Development Bank"


def test_an_office_or_trade_before_a_name_is_the_role(registry):
    """ "Environment Commissioner Tomas Reindl said" and "as local historian Greta Lind calls
    it": the words before the name are the role, not part of the speaker's key."""
    story = (
        "Environment Commissioner Vesna Dorak said she was satisfied with the safeguards. "
        "The bridge is “a monument to impatience,” as local historian Ilse Brunner calls it.\n"
    )
    dorak, brunner = extract(story, registry=registry, published="2026-03-12")
    assert (dorak.speaker, dorak.role) == ("Vesna Dorak", "Environment Commissioner")
    assert (brunner.speaker, brunner.role) == ("Ilse Brunner", "local historian")


def test_a_party_in_parentheses_after_a_name_is_part_of_the_role(registry):
    """ "MP Dana Kovar (Green Alliance) said" and "MP Emil Brand (People's Party), who tabled
    the bill, said": the speaker is the name, the title and the party are the role; the
    surname later is the same person."""
    story = (
        "MP Dana Kovar (Green Alliance) said the freeze would starve the utilities. "
        "MP Emil Brand (People's Party), who tabled the bill, said families could not pay. "
        "Brand told the chamber that wages had not risen.\n"
    )
    kovar, brand, again = extract(story, registry=registry, published="2026-11-04")
    assert (kovar.speaker, kovar.role) == ("Dana Kovar", "MP (Green Alliance)")
    assert (brand.speaker, brand.role) == ("Emil Brand", "MP (People's Party)")
    assert again.speaker == "Emil Brand"


def test_a_quotation_left_open_after_its_cue_goes_on_in_the_next_paragraph(registry):
    """ "“A,” said X, who runs the café. “B.\\n\\n“C.”": B's paragraph does not close the
    quotation, so C, opening the next paragraph with a quotation mark, is X's too: one direct
    statement, not a second one with no speaker."""
    story = (
        "“He knows where the shallows move,” said Marta Orsen, who runs the café. "
        "“Nobody will learn that from a map.\n\n"
        "“I hope they keep the ferry for the summer.”\n\n"
        "Henrik Dahl said the bridge would open in May.\n"
    )
    orsen, dahl = extract(story, registry=registry, published="2026-09-09")
    assert orsen.speaker == "Marta Orsen"
    assert orsen.text.endswith("from a map.\n\n“I hope they keep the ferry for the summer")
    assert dahl.speaker == "Henrik Dahl"


def test_a_person_described_by_a_title_is_not_someone_given_another_role(registry):
    """ "The mayor said" after "Ivan Orlov, the head of the transport union, said": drafted
    as Orlov's (the last person named); the text gave Orlov another role, so the mayor is
    left to the curator. A person given that title is still whom it means."""
    text = (
        "Ivan Orlov, the head of the transport union, said fares would rise.\n\n"
        "The mayor said the city would not pay.\n"
    )
    _orlov, mayor = extract(text, registry=registry, published="2026-03-14")
    assert (mayor.speaker, mayor.speaker_resolved) == ("The mayor", False)
    text = (
        "Anna Berg, the mayor of Tarvel, said fares would not rise.\n\n"
        "The mayor said the city would pay.\n"
    )
    _berg, mayor = extract(text, registry=registry, published="2026-03-14")
    assert (mayor.speaker, mayor.speaker_resolved) == ("Anna Berg", True)


def test_a_post_held_in_a_relative_clause_is_the_role(registry):
    """ "X, who chairs the Lakeside Cooperative, said": X, chair of the cooperative; "who runs
    the café": the clause's words; a deed done ("who led the talks") is no role."""
    text = (
        "Ana Brodsky, who chairs the Lakeside Cooperative, said the levy was unfair.\n\n"
        "Marta Sello, who runs the café, said she expected fewer visitors.\n\n"
        "Lev Dorn, who led the talks, said nothing had changed.\n"
    )
    brodsky, sello, dorn = extract(text, registry=registry, published="2026-03-14")
    assert (brodsky.speaker, brodsky.role) == ("Ana Brodsky", "chair of the Lakeside Cooperative")
    assert (sello.speaker, sello.role) == ("Marta Sello", "runs the café")
    assert (dorn.speaker, dorn.role) == ("Lev Dorn", None)


@pytest.mark.parametrize(
    "text",
    [
        "Boris Halm said no decision was final. He said on Friday the council would hear them.\n",
        "The culture officer, Boris Halm, said on Friday the council would hear them.\n",
    ],
)
def test_a_day_right_after_the_cue_dates_the_saying_not_the_words_said(registry, text):
    """ "said on Friday the council would hear them": the day is the saying's (as "said on
    Friday that" is), so the words said start after it."""
    said = extract(text, registry=registry, published="2026-05-15")[-1]
    assert text[said.content_start : said.content_end] == "the council would hear them"
    assert (said.said, said.said_as_written) == ("2026-05-15", "on Friday")


def test_an_aside_between_the_speaker_and_the_cue_is_no_statement(registry):
    """ "Orlov, who has written two books, said ..." and "Renko, pointing at the gallery,
    said ...": the aside describes the speaker; one statement each. "who said that ..."
    before a second cue is still said."""
    text = (
        "Lev Orlov, who has written two books on the city, said the room held old records.\n\n"
        "Deputy mayor Pavel Renko, pointing at the gallery, said the money would go to dredging.\n"
    )
    orlov, renko = extract(text, registry=registry, published="2026-05-15")
    assert (orlov.speaker, orlov.text) == ("Lev Orlov", "said the room held old records")
    assert (renko.speaker, renko.cue) == ("Pavel Renko", "said")
    text = "Ana Brodsky, who said that the levy was unfair, added that she would appeal.\n"
    said, added = extract(text, registry=registry, published="2026-05-15")
    assert (said.cue, said.speaker, added.speaker) == ("said", "Ana Brodsky", "Ana Brodsky")


def test_a_gesture_and_taking_questions_are_no_statements(registry):
    """ "..., Saltes said, pointing at the benches." and "X defended the plan, taking questions
    alongside Y": nothing said in either; "pointing to the costs" still says something."""
    text = (
        "“You campaigned on this,” Miro Saltes said, pointing at the government benches.\n\n"
        "The head of the port authority, Dmitar Vellek, defended the dredging plan on Wednesday"
        " at a crowded press conference, taking questions alongside the chief engineer.\n\n"
        "Ana Kroll said the plan was sound, pointing to the lower costs.\n"
    )
    found = extract(text, registry=registry, published="2026-03-12")
    assert not [c for c in found if c.cue in ("pointing at", "questions")]
    assert [c.cue for c in found] == ["said", "defended", "said", "pointing to"]


def test_as_someone_has_pointed_out_says_the_rest_of_the_sentence(registry):
    """ "As Ivan Orlov has pointed out, the formula was written before the harvest failed.":
    Orlov's statement, its words the main clause after the comma (the tagger found the cue
    with nothing said after it, and the candidate went)."""
    text = (
        "Farmers are less patient. As Ivan Orlov has pointed out, the formula was written"
        " before the harvest failed. Orlov said the ministry had no room left.\n"
    )
    pointed, said = extract(text, registry=registry, published="2026-03-20")
    assert (pointed.speaker, pointed.cue) == ("Ivan Orlov", "has pointed out")
    words = text[pointed.content_start : pointed.content_end]
    assert words == "the formula was written before the harvest failed"
    assert (pointed.kind, said.speaker) == ("indirect", "Ivan Orlov")


def test_whoever_was_told_is_no_speaker(registry):
    """ "She was told that the buyers had found cheaper grain abroad": she heard the words,
    the sentence does not say who spoke them, so the draft names no speaker; "Orlov told
    me" is still Orlov's."""
    text = (
        "Mira Sunn, who farms near Grodno, lost her contract in February. She was told that"
        " the buyers had found cheaper grain abroad. Lev Orlov was later told the plan had"
        " failed. Orlov told reporters the plan had failed.\n"
    )
    told, later, orlov = extract(text, registry=registry, published="2026-03-20")
    assert (told.cue, told.speaker, told.speaker_as_written) == ("was told", None, None)
    assert (later.speaker, orlov.speaker) == (None, "Lev Orlov")
    draft, _ = drafted(text, registry, published="2026-03-20")
    assert "speaker: unknown  # not in the registry: the text does not say who said it" in draft


def test_according_to_an_analyst_what_a_ministry_expects_is_the_analysts(registry):
    """ "According to Viktor Petrak, a trade analyst at the Lindqvist Institute, the ministry
    expects ...": Petrak's statement, his role the appositive, his words the whole clause;
    the tagger ran his source on into "the ministry", and the draft kept only the ministry's
    expectation, which the ministry never stated here."""
    text = (
        "The deal was signed last month. According to Viktor Petrak, a trade analyst at the"
        " Lindqvist Institute, the ministry expects exports to fall by a third before spring.\n"
    )
    found = extract(text, registry=registry, published="2026-03-20")
    (petrak,) = [c for c in found if c.cue == "According to"]
    assert (petrak.speaker, petrak.role) == (
        "Viktor Petrak",
        "trade analyst at the Lindqvist Institute",
    )
    assert text[petrak.content_start : petrak.content_end] == (
        "the ministry expects exports to fall by a third before spring"
    )
    draft, _ = drafted(text, registry)
    assert "    speaker: viktor-petrak" in draft and '    cue: "expects"' not in draft


def test_what_is_yet_to_be_announced_is_no_statement_inside_according_to(registry):
    """ "According to Petrak, the finance ministry expects ..., and the government wants a new
    mandate before it announces spending cuts": one statement, Petrak's (the retrained
    tagger read "announces" for a cue, and the draft kept that in place of Petrak's)."""
    text = (
        "Writing in the business paper Delovik, economist Juri Petrak argued that the timing"
        " was driven by the budget. According to Petrak, the finance ministry expects a"
        " deficit of nearly six per cent this year, and the government wants a new mandate"
        " before it announces spending cuts.\n"
    )
    draft, _ = drafted(text, registry)
    assert '    cue: "According to"' in draft
    assert "announces" not in draft.replace("before it announces spending cuts", "")


def test_a_vote_and_a_question_put_are_not_drafted(registry):
    """ "The council voted 7-2 to reject the plan" and "X asked whether ...": a decision and a
    question, no claims (PolNeAR marks some, so extraction keeps them); "asked the council
    to reconsider" is a request, and is drafted."""
    text = (
        "The council voted 7-2 to reject the plan. Mikael Torsen, an analyst at Brannlund"
        " Securities, asked whether the company would sell its terminals. Lev Orlov asked the"
        " council to reconsider.\n"
    )
    assert {"voted 7-2", "asked"} <= {c.cue for c in extract(text, registry=registry)}
    draft, _ = drafted(text, registry)
    assert "voted" not in draft and "mikael-torsen" not in draft
    assert "lev-orlov-asked" in draft


def test_a_signing_is_not_drafted(registry):
    """ "X and his counterpart, Y, signed the agreement in the capital": a deed, drafted with
    the retrained model as a statement of no one; what they said next still is."""
    text = (
        "Norvanian Foreign Minister Ivan Orlov and his Qasiri counterpart, Samir Haddad, signed"
        " the agreement in the capital after four hours of talks. The two leaders said the"
        ' link would "make both countries safer in winter."\n'
    )
    draft, _ = drafted(text, registry)
    assert "signed" not in draft
    assert '    cue: "said"' in draft


def test_its_role_is_of_the_body_the_sentence_before_opens_with(registry):
    """ "The opposition disagrees. Its leader, Milan Horak, said": leader of the opposition,
    not of the institute named two paragraphs up, nor of "the the ministry" that spoke in a
    sentence according to someone else ("the ministry" there is no appositive of the
    institute that closes whom it is according to)."""
    text = (
        "According to Viktor Petrak, a trade analyst at the Lindqvist Institute, the ministry"
        " expects exports to fall.\n\n"
        "Farmers are worried. Its spokeswoman, Dana Morell, said the figures were being"
        " checked.\n\n"
        "The opposition disagrees. Its leader, Milan Horak, said his party would ask for a"
        " review.\n"
    )
    found = extract(text, registry=registry, published="2026-03-20")
    expects = next(c for c in found if c.cue == "expects")
    assert expects.speaker != "Lindqvist Institute"
    roles = {c.speaker: c.role for c in found if c.cue == "said"}
    assert roles == {
        "Dana Morell": "spokeswoman of the ministry",
        "Milan Horak": "leader of the opposition",
    }


def test_a_councillor_in_lower_case_before_a_name_is_the_role(registry):
    """ "replied councillor Ana Petrusic, a member of the finance committee": Ana Petrusic,
    whose role is both; the draft's key had been the whole phrase."""
    text = (
        "A reporter asked about the staff. “We met them twice,” replied councillor Ana"
        " Petrusic, a member of the finance committee.\n"
    )
    replied = next(c for c in extract(text, registry=registry) if c.cue == "replied")
    assert replied.speaker == "Ana Petrusic"
    assert replied.role == "councillor, a member of the finance committee"


def test_the_company_is_the_one_a_paragraph_opens_with_and_its_trade(registry):
    """ "Halvard Shipping, the largest container carrier in the fleet, cut its forecast ...
    The company reported ...": the company is Halvard Shipping, though its name opens a
    line (which a headline's words also do)."""
    text = (
        "Halvard Shipping, the largest container carrier in the Varnian fleet, cut its profit"
        " forecast on Thursday.\n\n"
        "The company reported a net profit of 212 million crowns for the first half.\n"
    )
    (reported,) = extract(text, registry=registry, published="2026-08-20")
    assert (reported.speaker, reported.speaker_resolved) == ("Halvard Shipping", True)


@pytest.mark.parametrize(
    ("opening", "said"),
    [
        ("Two days after the vote,", "2026-03-05"),
        ("A week later,", "2026-03-10"),
        ("The next day,", "2026-03-04"),
        ("Two days before the vote,", "2026-03-01"),
    ],
)
def test_days_counted_from_the_day_the_sentence_before_gives(registry, opening, said):
    """ "Parliament approved the deal on March 3. Two days after the vote, X insisted ...":
    March 5, inferred (that the vote is the approval is the reader's reading)."""
    text = (
        f"Parliament approved the deal on March 3. {opening} Finance Minister Katya Brenn"
        " insisted that the deal was sound.\n"
    )
    (insisted,) = extract(text, registry=registry, published="2026-03-20")
    assert (insisted.said, insisted.said_basis) == (said, "inferred")
    assert insisted.said_as_written.endswith("(on March 3)")


def test_few_in_the_capital_is_no_speaker(registry):
    """ "Three weeks on, few in the capital believe it will last.": the writer's judgement,
    no one's statement (the draft had a speaker keyed few-in-the-capital)."""
    text = (
        "The agreement was signed last month. Three weeks on, few in the capital believe it"
        " will last. Lev Orlov said the formula was flawed.\n"
    )
    draft, _ = drafted(text, registry, published="2026-03-20")
    assert "few" not in draft.split("statements:")[1]
    assert "    speaker: lev-orlov" in draft


def test_what_the_company_expects_inside_her_words_is_hers(registry):
    """ "Solberg said the company would delay two ships and expected to cut costs": one
    statement, the company's expectation inside her words (not a second statement of hers
    cutting the first); "urged A and called for B" is still two."""
    text = (
        "Greta Solberg said the company would delay the delivery of two new ships and expected"
        " to cut costs by 80 million crowns next year.\n"
    )
    (said,) = extract(text, registry=registry, published="2026-08-20")
    assert text[said.content_start : said.content_end].endswith("80 million crowns next year")
    text = "Lev Orlov urged the council to wait and called for a new study.\n"
    assert [c.cue for c in extract(text, registry=registry)] == ["urged", "called for"]


def test_a_speaker_span_keeps_an_acronym_s_closing_parenthesis_and_drops_a_bare_who():
    """ "The Ostranian Ministry of Foreign Affairs (MoFA" and "a senior Ostranian diplomat,
    who" were drafted as the words the speaker was written with, as the tagger had cut
    them."""
    from quotes.extract.speakers import trim

    text = "The Ministry of Foreign Affairs (MoFA) on Wednesday dismissed reports."
    start, end = trim(text, 0, text.index(")"))
    assert text[start:end] == "The Ministry of Foreign Affairs (MoFA)"
    text = "a senior Ostranian diplomat, who asked not to be named, said the talks had stalled."
    start, end = trim(text, 0, text.index(" asked"))
    assert text[start:end] == "a senior Ostranian diplomat"
    text = "Amrullah Saleh, who recently described the talks as a betrayal."
    who = text.index("who")
    assert trim(text, who, who + 3) == (who, who + 3)


def test_a_second_speaker_after_and_ends_the_first_words():
    """ "The ministry accused Lindmark of stalling talks, and its spokeswoman said ...": the
    retrained tagger ran the ministry's words on over the spokeswoman's statement, which was
    lost."""
    text = (
        "MIRAVAL, June 4 /ORSA/ - Orsena's Foreign Ministry on Thursday accused neighbouring"
        " Lindmark of stalling talks on a fisheries treaty, and its spokeswoman said Lindmark's"
        " chief negotiator had told Orsenan officials that his side would not sign anything.\n"
    )
    found = extract(text, published="2026-06-04")
    accused = next(c for c in found if c.cue == "accused")
    assert accused.text.endswith("fisheries treaty")
    said = next(c for c in found if c.cue == "said")
    assert said.speaker_as_written == "its spokeswoman"
    assert said.text.startswith("said Lindmark's chief negotiator")


def test_the_words_said_run_on_past_a_comma_to_the_end_of_the_clause():
    """ "said the fence ... was meant to stop smuggling, not to claim land": the retrained tagger
    ended the words at the comma and left "not to claim land" without a cue, so it was lost."""
    text = (
        "Talmora's embassy in Ulmi declined to comment. In Velgrad, Interior Ministry spokesman"
        " Arno Teig said the fence was being built entirely on Talmoran soil and was meant to"
        " stop smuggling, not to claim land.\n"
    )
    said = next(c for c in extract(text, published="2026-03-14") if c.cue == "said")
    assert said.text == (
        "said the fence was being built entirely on Talmoran soil and was meant to stop"
        " smuggling, not to claim land"
    )


def test_the_first_words_end_before_a_second_speaker_after_and():
    """ "..., and his deputy, Ilona Marsh, told ...": the retrained tagger ran Renko's words on
    into "and his deputy" and gave "told" the speaker "Ilona Marsh" alone."""
    text = (
        "Officials in Brask have grown impatient. Renko himself has repeatedly blamed the Vessian"
        " side for the delays, and his deputy, Ilona Marsh, told the weekly Tarn Ledger in"
        " January that the contractors had not been paid since October.\n"
    )
    found = extract(text, published="2026-03-14")
    blamed = next(c for c in found if c.cue and c.cue.endswith("blamed"))
    assert blamed.text.endswith("blamed the Vessian side for the delays")
    told = next(c for c in found if c.cue == "told")
    assert told.speaker_as_written == "his deputy, Ilona Marsh,"


def test_a_quotation_as_someone_calls_it_is_theirs():
    """ "“a monument to impatience,” as local historian Greta Lind calls it": the retrained
    tagger drafted the quotation with nobody to say it, and "calls it" as her words."""
    text = (
        "The new bridge — “a monument to impatience,” as local historian Greta Lind calls it —"
        " will cut the crossing from forty minutes to four.\n"
    )
    found = extract(text, published="2026-03-14")
    assert [(c.kind, c.text, c.cue, c.speaker_as_written) for c in found] == [
        ("direct", "a monument to impatience", "calls", "local historian Greta Lind")
    ]


def test_an_agreement_others_report_is_theirs_not_drafted_as_each_partys(registry):
    """ "Talmora and Vesk agreed on Tuesday to reopen the railway, officials of both countries
    said": a joint decision inside the officials' words; the retrained tagger drafted it as a
    statement of each country, undated. An agreement nobody reports is still drafted."""
    text = (
        "VELGRAD, March 4 (Xinhua) -- Talmora and Vesk agreed on Tuesday to reopen the Korran"
        " mountain railway, which has been closed for eleven years, and to share the cost of"
        " repairing its tunnels, officials of both countries said.\n"
    )
    draft, _ = drafted(text, registry, published="2026-03-14")
    assert '    cue: "agreed' not in draft and "-agreed" not in draft
    assert "officials-of-both-countries-said" in draft
    alone = "The foreign ministers of Norvania and Qasira agreed on Thursday to link their grids.\n"
    assert '    cue: "agreed' in drafted(alone, registry)[0]


def test_whom_she_called_on_is_no_part_of_the_cue():
    """ "she called on supporters to stay ...": the retrained tagger cued "called on supporters"
    (and keyed the statement ...-called-on-supporters); the cue is "called on"."""
    text = (
        "Dresdova dismissed the warning. In a tweet late on Saturday, she called on supporters to"
        ' stay "peaceful, patient and present."\n'
    )
    called = next(c for c in extract(text) if c.cue and c.cue.startswith("called"))
    assert called.cue == "called on"
    assert called.text.startswith("called on supporters to stay")


def test_a_quotation_resumed_after_its_speaker_and_a_comma_is_one_statement():
    """ "“A,” said X, a nurse ..., “and B.”": B goes on A's quotation, said by the same nurse.
    The draft gave B to nobody ("unknown-said") and, where the tagger cut her appositive short
    ("... at the district" | "clinic for" | "twenty years, “and B.”"), to a cue "clinic for"."""
    for appositive in (
        "a nurse at the district clinic",
        "a nurse who has worked at the district clinic for twenty years",
    ):
        text = (
            "KARSOVIA CITY, March 3 — Clinics in the east ran out of insulin last week.\n\n"
            f"“We have waited three weeks for a delivery,” said Marta Ilves, {appositive},"
            " “and nobody in the ministry answers our letters.”\n"
        )
        found = [c for c in extract(text, published="2026-03-14") if c.kind == "direct"]
        assert [(c.cue, c.speaker_as_written.rstrip(",")) for c in found] == [
            ("said", f"Marta Ilves, {appositive}")
        ]
        assert found[0].text.startswith("We have waited three weeks for a delivery")
        assert found[0].text.endswith("and nobody in the ministry answers our letters")


def test_a_quotation_after_another_ones_sentence_is_not_resumed():
    """ "“A,” read one. “B,” appeared later.": two banners, two statements (PolNeAR's
    Rose Bowl story has the like); only a quotation resumed after a comma goes on the first."""
    text = (
        "Skywriters flew over the parade on Friday.\n\n“Kessler is a disgrace to the republic,”"
        " read one. “Anybody but Kessler,” appeared a few minutes later.\n"
    )
    found = extract(text, published="2026-03-14")
    assert [c.text for c in found] == [
        "Kessler is a disgrace to the republic",
        "Anybody but Kessler",
    ]


def test_guillemets_and_german_low_marks_are_quotation_marks():
    """Copy translated from the French or German press keeps its marks: «A,» he said and
    „A“, she said are quotations as “A,” is. The draft ran «We are not selling ...» into the
    cue before it as reported speech, and gave „... nobody seems to care,“ to a cue "seems"
    said by nobody."""
    text = (
        "SAINT-AUBRAC, March 14 - The transport minister defended the port agreement.\n\n"
        "Transport Minister Jean-Baptiste de la Roche spoke to the paper. «We are not selling"
        " the port. We are renting its cranes,» he said.\n\n"
        "„Rostmund cannot match a state-backed investor, and nobody in Brussels seems to"
        " care“, said Economy Minister Dirk Bremer.\n\n"
        "»The port is in our city«, Mayor Aïcha Benali told the radio station.\n"
    )
    found = [c for c in extract(text, published="2026-03-14") if c.kind == "direct"]
    assert [(c.cue, c.text) for c in found] == [
        ("said", "We are not selling the port. We are renting its cranes"),
        (
            "said",
            "Rostmund cannot match a state-backed investor, and nobody in Brussels seems to care",
        ),
        ("told", "The port is in our city"),
    ]
    assert text[found[0].content_start : found[0].content_end].startswith("«We")
    assert [c.speaker_as_written for c in found] == [
        "he",
        "Economy Minister Dirk Bremer",
        "Mayor Aïcha Benali",
    ]


def test_foreign_marks_are_typeset_one_for_one():
    from quotes.extract.typography import foreign

    assert foreign("«A», »B« and „C“ or „D”.") == "“A”, “B” and “C” or “D”."
    assert foreign("« Bonjour », dit-il.") == "“ Bonjour ”, dit-il."


def test_sources_familiar_with_the_matter_are_unnamed_and_the_person_is_them_again():
    """Markets copy's anonymous sources: "people familiar with the matter", "two sources close
    to the talks" and "A person close to the board" are speakers the text does not name (the
    draft took them for registry speakers to add), "the person" later is that person again
    (the draft had a speaker "person"), and "asking not to be named because ..." says why,
    no statement of its own."""
    text = (
        "HALDEN, March 13 (Meridian Markets) - Shares in Norvan Steel fell 18% on Friday.\n\n"
        "Lenders are considering a waiver, people familiar with the matter said.\n\n"
        "The bank wants a higher margin, two sources close to the talks said.\n\n"
        "A person close to the company's board said directors were divided. The board would"
        " decide on Monday, the person said, asking not to be named because the talks were"
        " private.\n"
    )
    found = extract(text, published="2026-03-14")
    assert [(c.speaker_as_written, c.speaker, c.speaker_unnamed) for c in found] == [
        ("people familiar with the matter", "people familiar with the matter", True),
        ("two sources close to the talks", "two sources close to the talks", True),
        (
            "A person close to the company's board",
            "A person close to the company's board",
            True,
        ),
        ("the person", "A person close to the company's board", True),
    ]


def test_a_speaker_left_at_its_article_takes_the_subject_up_to_the_cue():
    """ "GENEVA, March 13 - The United Nations on Friday urged ...": the tagger ran its speaker
    from the dateline's day to "The" and the draft had a speaker "The"; the speaker is the
    subject up to the cue, less its day."""
    text = (
        "GENEVA, March 13 - The United Nations on Friday urged Varnia and Qasira to reopen the"
        " two border crossings they closed last month, warning that food stocks in the valley"
        " would run out within weeks.\n"
    )
    found = extract(text, published="2026-03-14")
    assert [(c.cue, c.speaker_as_written, c.speaker) for c in found] == [
        ("urged", "The United Nations", "United Nations"),
        ("warning", "The United Nations", "United Nations"),
    ]


def test_a_percentage_in_the_speakers_relative_clause_is_not_the_speaker():
    """ "The company's largest shareholder, the state investment fund Norvan Holding, which
    owns 34%, said": the tagger's speaker was "34%," inside the clause; the rules' speaker
    ends with its comma, so the clause after it went unseen. The fund speaks."""
    text = (
        "HALDEN, March 13 (Meridian Markets) - Shares in Norvan Steel fell 18% on Friday.\n\n"
        "The company's largest shareholder, the state investment fund Norvan Holding, which"
        " owns 34%, said it would not commit to taking part in any share sale.\n"
    )
    (c,) = extract(text, published="2026-03-14")
    assert c.speaker == "Norvan Holding"
    assert c.speaker_as_written.startswith("The company's largest shareholder")


def test_names_with_particles_are_names():
    """ "Abdul Rahman al-Qasimi", "Dirk van der Berg", "Klaus von Hagen": a name's lower-case
    particles are part of it. The draft took "The head of Al-Nahda Holdings, Abdul Rahman
    al-Qasimi," whole for a speaker's name (no role), and "van der Berg" and "von Hagen" later
    for speakers of their own."""
    text = (
        "SAINT-AUBRAC, March 14 - The port deal has split the coalition.\n\n"
        "The head of Al-Nahda Holdings, Abdul Rahman al-Qasimi, said the consortium would"
        " invest 600 million euros.\n\n"
        "The Halvian economy minister, Dirk van der Berg, told the newspaper that the deal was"
        " unfair. “Nobody in Brussels seems to care,” van der Berg said.\n\n"
        "Klaus von Hagen, chief executive of the Rostmund Port Authority, said he was not"
        " worried. “We handled four million containers,” von Hagen said.\n"
    )
    found = extract(text, published="2026-03-14")
    assert [(c.cue, c.speaker, c.role) for c in found] == [
        ("said", "Abdul Rahman al-Qasimi", "head of Al-Nahda Holdings"),
        ("told", "Dirk van der Berg", "Halvian economy minister"),
        ("said", "Dirk van der Berg", None),
        ("said", "Klaus von Hagen", "chief executive of the Rostmund Port Authority"),
        ("said", "Klaus von Hagen", None),
    ]


def test_a_surname_with_a_capitalized_particle_is_the_name_before():
    """ "Le Goff" after "Yves Le Goff" (and "Al-Qasimi" opening a sentence): the surname of
    two words was drafted as a speaker of its own."""
    text = (
        "SAINT-AUBRAC, March 14 - The dockers are divided.\n\n"
        "Yves Le Goff, secretary general of the dockers' union, said the union had written"
        " promises. “We want to read the contract,” Le Goff told the radio station.\n"
    )
    found = extract(text, published="2026-03-14")
    assert [(c.cue, c.speaker) for c in found] == [
        ("said", "Yves Le Goff"),
        ("told", "Yves Le Goff"),
    ]


def test_was_quoted_as_saying_is_the_cue_not_the_speaker():
    """ "“We will not pay,” he was quoted as saying": the tagger's speaker ran on over "was
    quoted as", so the pronoun was no pronoun and the draft's speaker "he was quoted as"."""
    text = (
        "Economy Minister Karl Brandt spoke to the agency on Friday. “We will not pay,” he was"
        " quoted as saying. “Not one krone,” Brandt was quoted as saying.\n"
    )
    found = extract(text, published="2026-03-14")
    assert [(c.speaker_as_written, c.speaker, c.cue) for c in found] == [
        ("he", "Karl Brandt", "was quoted as saying"),
        ("Brandt", "Karl Brandt", "was quoted as saying"),
    ]


def test_a_cue_cut_before_its_day_leaves_the_days_on():
    """ "Judge Renata Holm ruled on Wednesday that ...": the tagger's cue was "ruled on", the
    day's "on" taken for the verb's preposition ("called on"); the cue is "ruled"."""
    text = (
        "VELDRA, March 13 (Coastline Wire) - The trial entered its third week.\n\n"
        "Judge Renata Holm ruled on Wednesday that the ledger could be shown to the jury.\n"
    )
    (c,) = extract(text, published="2026-03-14")
    assert (c.cue, c.said) == ("ruled", "2026-03-11")


def test_a_day_in_the_question_put_does_not_date_the_answer():
    """ "Asked whether the talks on March 24 could fail, Dioukhane said: “They can.”": the
    day is the talks', not the answer's (the draft dated the answer 2025-03-24)."""
    text = (
        "GENEVA, March 13 - The envoy briefed the council.\n\n"
        "Asked whether the talks on March 24 could fail, Dioukhane said: “They can. That is"
        " exactly why they must start.”\n"
    )
    (c,) = extract(text, published="2026-03-14")
    assert (c.cue.rstrip(":"), c.said, c.said_basis) == ("said", "../2026-03-14", "inferred")


def test_a_company_named_after_its_trade_or_its_shares_is_the_company_later():
    """Markets copy names a company bare ("Shares in Norvan Steel fell"), or after what it is
    ("Credit rating agency Sterling Ratings"): "the company" and "the agency" later are those
    (the draft read "Norvan Steel" as a person's name and left both descriptions unresolved)."""
    text = (
        "HALDEN, March 13 (Meridian Markets) - Shares in Norvan Steel fell 18% on Friday after"
        " the company said it had breached a covenant on its credit facility.\n\n"
        "Credit rating agency Sterling Ratings placed Norvan's rating on review. “Liquidity"
        " remains adequate for now,” the agency said in a statement.\n"
    )
    found = extract(text, published="2026-03-14")
    assert [(c.speaker_as_written, c.speaker) for c in found] == [
        ("the company", "Norvan Steel"),
        ("the agency", "Sterling Ratings"),
    ]


def test_a_particled_surname_after_an_appositive_name_is_that_name():
    """ "The head of Al-Nahda Holdings, Abdul Rahman al-Qasimi, said ... al-Qasimi was quoted
    as saying": reading the text alone had found "Abdul Rahman" at the same place, and the
    speaker's full name did not take its place, so "al-Qasimi" found no one."""
    text = (
        "SAINT-AUBRAC, March 14 - The port deal has split the coalition.\n\n"
        "The head of Al-Nahda Holdings, Abdul Rahman al-Qasimi, said the consortium would"
        " invest 600 million euros. «Saint-Aubrac will become the gateway,» al-Qasimi was"
        " quoted as saying.\n"
    )
    found = extract(text, published="2026-03-14")
    assert [c.speaker for c in found] == ["Abdul Rahman al-Qasimi", "Abdul Rahman al-Qasimi"]


def test_a_papers_name_with_particles_after_what_it_is():
    """ "the daily Le Courrier de l'Ouest reported": the paper is "Le Courrier de l'Ouest", a
    daily (the draft's speaker was "daily Le Courrier de l'Ouest", and "the daily Novy Glas"
    had the role "the daily", article and all)."""
    for name in ("Le Courrier de l'Ouest", "Corriere della Sera", "Novy Glas"):
        text = f"The plan has split the coalition, the daily {name} reported on Saturday.\n"
        (c,) = extract(text, published="2026-03-14")
        assert (c.speaker, c.role) == (name, "daily")


def test_said_earlier_in_the_week_is_the_cue_said():
    """ "Jan Oster said earlier in the week that ...": the tagger's cue ran on over the time
    ("said earlier in the week"), which "earlier this week" already left out."""
    text = (
        "VELDRA, March 13 (Coastline Wire) - The trial entered its third week.\n\n"
        "Jan Oster said earlier in the week that he had received cash from Abt.\n"
    )
    (c,) = extract(text, published="2026-03-14")
    assert (c.cue, c.said_as_written) == ("said", "earlier in the week")


def test_who_after_a_surname_is_the_person_named_before():
    """ "Abt, who said in January that he would cooperate, faces ...": "who" is Abt, the
    shipping agent Lorenz Abt named before (the draft found no one: only a name of two words
    or more before "who" was read)."""
    text = (
        "VELDRA, March 13 (Coastline Wire) - Prosecutors say the shipping agent Lorenz Abt paid"
        " the bribes.\n\n"
        "Abt, who said in January that he would cooperate, faces five years in prison.\n"
    )
    found = extract(text, published="2026-03-14")
    assert [(c.speaker_as_written, c.speaker) for c in found][-1] == ("who", "Lorenz Abt")


def test_an_aside_with_its_hearer_has_the_whole_sentence_for_its_text():
    """ "The government, he told parliament, would not ...": the cue and its hearer are an
    aside, as "The cabinet, it said, had approved" is; the draft's text began at "told"."""
    text = (
        "HALDEN, March 13 (Meridian Markets) - Economy Minister Karl Brandt spoke on Friday.\n\n"
        "The government, he told parliament, would not put taxpayers' money into a private"
        " balance sheet.\n"
    )
    (c,) = [c for c in extract(text, published="2026-03-14") if c.cue == "told"]
    assert c.text == (
        "The government, he told parliament, would not put taxpayers' money into a private"
        " balance sheet"
    )


def test_a_question_put_to_someone_is_not_drafted(registry):
    """ "Varga asked Rehnquist why his signature appeared ...": a question put to a witness,
    as "asked whether" is, no claim (the draft took it for Varga's statement); "asked the
    court to explain" is a request, and stays."""
    text = (
        "Under cross-examination, chief prosecutor Ilse Varga asked Rehnquist why his signature"
        " appeared on three invoices. Defence lawyer Anton Brevik asked the court to explain"
        " its ruling.\n"
    )
    draft, _ = drafted(text, registry)
    assert "ilse-varga" not in draft
    assert "anton-brevik-asked" in draft


def test_his_lawyer_is_the_lawyer_of_the_person_named_last():
    """ "Abt ... is due to testify next week. His lawyer, Pieter Lund, said": Lund's role is
    lawyer of Lorenz Abt, not "His lawyer"."""
    text = (
        "VELDRA, March 13 (Coastline Wire) - Judge Renata Holm said the trial would go on.\n\n"
        "The shipping agent Lorenz Abt paid the bribes, prosecutors say.\n\n"
        "Abt is due to testify next week. His lawyer, Pieter Lund, said in an emailed statement"
        " that his client would tell the truth.\n"
    )
    (c,) = [c for c in extract(text, published="2026-03-14") if c.speaker == "Pieter Lund"]
    assert c.role == "lawyer of Lorenz Abt"


def test_a_cue_that_opens_with_its_speakers_noun_leaves_it_to_the_speaker():
    """ "The Qasiri delegation rejected that account": the tagger's cue was "delegation
    rejected" and its speaker "The Qasiri"; the noun is the speaker's."""
    text = (
        "GENEVA, March 13 - Varnia said armed groups had used the crossings.\n\n"
        "The Qasiri delegation rejected that account.\n"
    )
    c = extract(text, published="2026-03-14")[-1]
    assert (c.speaker_as_written, c.cue, c.text) == (
        "The Qasiri delegation",
        "rejected",
        "rejected that account",
    )


def test_a_relative_named_by_first_name_is_a_person_and_she_later():
    """ "Rehnquist's wife, Karin, said ... “...,” she said": Karin is the speaker, his wife her
    role, and "she" is Karin (the draft's speaker was "Rehnquist's wife, Karin" whole, and
    "she" went to the lawyer named before)."""
    text = (
        "VELDRA, March 13 (Coastline Wire) - Tomas Rehnquist denied the charges.\n\n"
        "His lawyer, Pieter Lund, said his client would be cleared.\n\n"
        "Outside the courtroom, Rehnquist's wife, Karin, said the family was confident. “We are"
        " not afraid of it,” she said.\n"
    )
    found = extract(text, published="2026-03-14")
    assert [(c.speaker, c.role) for c in found][-2:] == [
        ("Karin", "Rehnquist's wife"),
        ("Karin", None),
    ]


def test_market_data_is_not_drafted(registry):
    """ "Bonds due in 2028 fell 6 cents, according to data compiled by Meridian": figures, not
    words anyone said (PolNeAR marks such, so extraction keeps it); "according to the
    central bank" stays."""
    text = (
        "Bonds due in 2028 fell 6 cents to 81 cents on the euro, according to data compiled by"
        " Meridian. Inflation will slow next year, according to the Halden central bank.\n"
    )
    assert "according to" in {c.cue for c in extract(text, registry=registry)}
    draft, _ = drafted(text, registry)
    assert "Bonds due" not in draft and "Inflation will slow" in draft


def test_a_filing_is_the_company_that_filed_it():
    """ "According to a filing with the Halden Stock Exchange, net debt rose ...": the company
    that spoke last filed it (the draft's speaker was the filing, a registry key to add)."""
    text = (
        "HALDEN, March 13 (Meridian Markets) - Shares in Norvan Steel fell 18% on Friday after"
        " the company said it had breached a covenant.\n\n"
        "According to a filing with the Halden Stock Exchange, net debt rose to 4.6 times"
        " earnings at the end of December.\n"
    )
    c = extract(text, published="2026-03-14")[-1]
    assert (c.cue, c.speaker_as_written, c.speaker) == (
        "According to",
        "a filing with the Halden Stock Exchange",
        "Norvan Steel",
    )


def test_a_speakers_key_spells_accented_letters_in_latin(registry):
    """ "Mayor Aïcha Benali-Roux", "Hélène Marchetti-Vidal": keys "aicha-benali-roux" and
    "helene-marchetti-vidal" (the draft dropped the letters: "a-cha-benali-roux",
    "h-l-ne-marchetti-vidal")."""
    text = (
        "Mayor Aïcha Benali-Roux said the city council had not been consulted. The minister for"
        " the economy, Hélène Marchetti-Vidal, said she had not seen the contract.\n"
    )
    draft, _ = drafted(text, registry)
    assert "speaker: aicha-benali-roux" in draft
    assert "speaker: helene-marchetti-vidal" in draft


def test_a_day_after_the_cues_object_dates_the_cue():
    """ "The company disclosed the breach late on Thursday": the day is the disclosing's (as
    in "announced the sale on Monday"); the tagger ran the object's words on over it and
    the draft left the statement undated."""
    text = (
        "HALDEN, March 13 (Meridian Markets) - Shares in Norvan Steel fell 18% on Friday.\n\n"
        "The company disclosed the breach late on Thursday.\n"
    )
    c = extract(text, published="2026-03-14")[-1]
    assert (c.text, c.said) == ("disclosed the breach", "2026-03-12")


def test_the_ledes_description_is_the_person_named_next_with_an_age():
    """Wire copy's lede describes, the next paragraph names: "A former director of the Port
    of Veldra testified on Thursday that ...¶Tomas Rehnquist, 57, told the jury ...". The
    description is Rehnquist, its words his role (the draft declared an unnamed "former
    director" of its own); a description that no aged name follows stays unnamed."""
    text = (
        "Former port chief tells jury he never saw ledger\n\n"
        "VELDRA, March 13 (Coastline Wire) - A former director of the Port of Veldra testified"
        " on Thursday that he had never seen the ledger, as his trial entered its third week.\n\n"
        "Tomas Rehnquist, 57, told the jury that the ledger was a forgery.\n\n"
        "A spokesman for the court said the trial would last until April.\n"
    )
    found = extract(text, published="2026-03-14")
    assert [(c.speaker, c.role, c.speaker_unnamed) for c in found] == [
        ("Tomas Rehnquist", "former director of the Port of Veldra", False),
        ("Tomas Rehnquist", None, False),
        ("A spokesman for the court", None, True),
    ]


def test_a_meeting_to_discuss_is_not_drafted(registry):
    """ "The board would meet on Monday to discuss the options" and "The cabinet is due to
    discuss the contract on Wednesday": a meeting planned, nothing said yet (the draft gave
    them statements, one of them to nobody); "discussed the plan with reporters" stays out of
    this, it happened."""
    text = (
        "The board would meet on Monday to discuss the options, the person said. The cabinet is"
        " due to discuss the contract on Wednesday.\n"
    )
    draft, _ = drafted(text, registry, published="2026-03-14")
    cues = re.findall(r'\n    cue: "([^"]*)"', draft)
    assert cues and not [c for c in cues if "discuss" in c]


def test_one_of_the_sources_is_unnamed_and_its_words_come_before_it():
    """ "..., one of the people said, speaking on condition of anonymity because ...": "one
    of the people" is one of the unnamed sources (the draft took it for a registry speaker),
    and what was said is the clause before it, not the reason for anonymity after the cue
    (the tagger's words said)."""
    text = (
        "Two people familiar with the company's finances said it would have to raise new debt."
        " The company would announce its plans by the end of the month, one of the people said,"
        " speaking on condition of anonymity because the matter was confidential.\n"
    )
    said = [c for c in extract(text, published="2026-03-14") if c.cue == "said"]
    assert [(c.speaker_as_written, c.speaker_unnamed, c.text) for c in said] == [
        (
            "Two people familiar with the company's finances",
            True,
            "said it would have to raise new debt",
        ),
        (
            "one of the people",
            True,
            "The company would announce its plans by the end of the month",
        ),
    ]


def test_a_surname_of_two_words_is_the_full_name_before():
    """ "Rui Tavares Neto" then "Tavares Neto said", "Ana Ruiz de la Peña" then "Ruiz de la
    Peña said": Iberian double surnames, drafted as speakers of their own."""
    text = (
        "The Portanese energy minister, Rui Tavares Neto, told reporters the government would"
        " stand behind the utility. Brisa's chief executive, Ana Ruiz de la Peña, said the"
        " company would study the ruling.\n\n"
        "“We will not pay,” Tavares Neto said. “Every door is open,” Ruiz de la Peña said.\n"
    )
    found = [c for c in extract(text, published="2026-03-14") if c.kind == "direct"]
    assert [c.speaker for c in found] == ["Rui Tavares Neto", "Ana Ruiz de la Peña"]


def test_two_quotations_in_a_paragraph_keep_their_own_speakers():
    """ "“We will not pay,” Orlov said. “Every door is open,” Petrova said.": each quotation is
    its own cue's, the name right after it (the tagger paired them crosswise, and the draft
    gave Orlov's words to Petrova and hers to him)."""
    text = (
        "The ruling was read out on Friday. Ivan Orlov and Ana Petrova spoke after it.\n\n"
        "“We will not pay,” Orlov said. “Every door is open,” Petrova said.\n"
    )
    found = [c for c in extract(text, published="2026-03-14") if c.kind == "direct"]
    assert [(c.text, c.speaker) for c in found] == [
        ("We will not pay", "Ivan Orlov"),
        ("Every door is open", "Ana Petrova"),
    ]


def test_a_quotation_after_the_hearer_and_a_colon_is_direct():
    """ "She told reporters on Friday: “Every door is open.”": a direct quotation, its words
    the quotation's, as after "said:" (the draft had a partial statement whose words ran
    from "reporters on Friday:"; PolNeAR's words said start at the mark too)."""
    text = (
        "Ana Ruiz is the chief executive of Brisa.\n\n"
        "She told reporters on Friday: “Every door is open. We are not in a hurry.”\n"
    )
    (c,) = extract(text, published="2026-03-14")
    assert (c.kind, c.cue, c.text, c.said) == (
        "direct",
        "told",
        "Every door is open. We are not in a hurry",
        "2026-03-13",
    )


def test_a_call_on_a_cues_phrase_is_no_cue_of_its_own():
    """ "Ruiz told analysts on a call on Friday: “Every door is open.”": one statement, cue
    "told" (the tagger also read "call" for a cue, said by "Ruiz told analysts on a", and "a
    call on Friday:" for the quotation's own cue, so the draft had it three times)."""
    text = (
        "Ana Ruiz is the chief executive of Brisa.\n\n"
        "Asked whether Brisa could still settle, Ruiz told analysts on a call on Friday: “Every"
        " door is open. We are not in a hurry.”\n"
    )
    found = extract(text, published="2026-03-14")
    assert [(c.kind, c.cue, c.speaker) for c in found] == [("direct", "told", "Ana Ruiz")]


def test_a_relative_clause_without_its_comma_is_no_part_of_the_role():
    """ "said Pieter van Dijk, a partner at the law firm Halm & Roos who led the company's
    case": his role is partner at the law firm Halm & Roos (the draft's role ran on over
    "who led the company's case")."""
    text = (
        "Lawyers for Nordgas welcomed the decision. “A contract is a contract,” said Pieter van"
        " Dijk, a partner at the law firm Halm & Roos who led the company's case.\n"
    )
    c = extract(text, published="2026-03-14")[-1]
    assert (c.speaker, c.role) == ("Pieter van Dijk", "partner at the law firm Halm & Roos")


def test_a_two_word_surname_beside_its_title_is_the_full_name_before():
    """ "The minister, Tavares Neto, said" after "Rui Tavares Neto": the minister named
    before, not a speaker "Tavares Neto" of his own."""
    text = (
        "The Portanese energy minister, Rui Tavares Neto, told reporters the government would"
        " stand behind the utility.\n\n"
        "The minister, Tavares Neto, said he had asked the utility for a full report.\n"
    )
    found = extract(text, published="2026-03-14")
    assert [c.speaker for c in found] == ["Rui Tavares Neto", "Rui Tavares Neto"]


def test_a_day_in_the_speakers_relative_clause_does_not_date_the_saying():
    """ "Captain X, who scored twice on Wednesday, said ...": Wednesday is when he scored, not
    when he spoke (the draft dated the statement Wednesday; "last year" likewise); a clause
    that is itself the saying ("who said on Thursday that ...") still dates it."""
    text = (
        "VELDRA, March 14 - Rovers beat Harbour City 2-1.\n\n"
        "Captain Anders Kell, who scored twice on Wednesday, said the dressing room had been"
        " quiet for weeks.\n\n"
        "“We were patient,” said Tilde Marsh, who came on as a substitute on Wednesday.\n\n"
        "On Friday, Mira Dahl, who chaired the inquiry last year, told reporters the report was"
        " ready.\n\n"
        "The club's owner, Ivo Brandt, who said on Thursday that he would sell, was not seen.\n"
    )
    found = extract(text, published="2026-03-14")
    dated = {c.cue: c.said for c in found}
    assert [c.said for c in found if c.cue == "said" and "Kell" in c.speaker_as_written] == [
        "../2026-03-14"
    ]
    assert [c.said for c in found if "Marsh" in (c.speaker_as_written or "")] == ["../2026-03-14"]
    assert dated["told"] == "2026-03-13"  # On Friday
    assert [c.said for c in found if c.text.startswith("said on Thursday")] == ["2026-03-12"]


def test_a_day_before_an_appositive_is_no_one_a_pronoun_means():
    """ "On Wednesday, transport ministry spokeswoman Ilse Marwick added that ..." then
    "“...,” she said.": both are Marwick's, her role the words before her name (the draft
    took "On Wednesday" for the name the description stood beside, and "she" for it too)."""
    text = (
        "VELMORA, March 12 (Lakeside Wire) - The Velmora water authority will ration supplies"
        " from next week, officials said.\n\n"
        "On Wednesday, transport ministry spokeswoman Ilse Marwick added that buses would run"
        " on a reduced timetable.\n\n"
        "“We are asking people to be patient,” she said.\n"
    )
    found = [c for c in extract(text, published="2026-03-14") if c.cue in ("added", "said")]
    assert [(c.cue, c.speaker, c.role) for c in found[1:]] == [
        ("added", "Ilse Marwick", "transport ministry spokeswoman"),
        ("said", "Ilse Marwick", None),
    ]


def test_an_age_before_a_description_is_no_speaker():
    """ "Agnes Thorpe, 71, a retired nurse who has lived ..., told the board ...": Thorpe
    speaks, a retired nurse (the draft's speaker was "71, a", with no role)."""
    text = (
        "Residents packed the hall in Dunmere on Tuesday night.\n\n"
        "Agnes Thorpe, 71, a retired nurse who has lived in the village for forty years, told"
        " the board the closure was “a betrayal of every family here.”\n"
    )
    (c,) = extract(text, published="2026-03-14")
    assert (c.speaker, c.role, c.cue) == ("Agnes Thorpe", "retired nurse", "told")


def test_being_told_is_not_drafted(registry):
    """ "Kovacs, 64, frowned when told of the decision.": he heard it, and said nothing (the
    draft had a statement by "64", cue "told", words "of the decision"; PolNeAR marks a
    reporter's "When told ..." as an attribution, so extraction keeps it)."""
    text = (
        "The board closed the Dunmere clinic on Monday. Its director, Imre Kovacs, was not"
        " consulted.\n\n"
        "Kovacs, 64, frowned when told of the decision.\n"
    )
    draft, count = drafted(text, registry, published="2026-03-14")
    assert count == 0 and "told" not in draft


def test_a_speaker_is_not_a_word_of_the_relative_clause_before_the_cue():
    """ "Alderman Piet Varga, whose children use the branch after school, said ...": Varga
    speaks, an alderman (the draft's speaker was "school", the clause's last word)."""
    text = (
        "The library board voted to shut the Mill Street branch.\n\n"
        "Alderman Piet Varga, whose children use the branch after school, said families had"
        " not been consulted.\n"
    )
    (c,) = [c for c in extract(text, published="2026-03-14") if c.cue == "said"]
    assert (c.speaker, c.role) == ("Piet Varga", "Alderman")


def test_a_relative_clause_read_for_the_speaker_is_no_role():
    """The tagger's speaker span "whose district includes the Mill Street branch" (the
    clause alone) is Quist's, a councilwoman: the draft had the clause for her role."""
    from quotes.extract.candidate import Candidate
    from quotes.extract.mentions import Mentions
    from quotes.extract.speakers import State, resolve

    text = (
        "The board shut the branch.\n\nCouncilwoman Nadia Quist, whose district includes the"
        " Mill Street branch, called it “a false economy.”\n"
    )
    start, end, cue = text.index("whose"), text.index(", called"), text.index("called")
    c = Candidate(
        text="it “a false economy.”",
        start=cue,
        end=len(text) - 1,
        kind="partial",
        cue="called",
        cue_start=cue,
        cue_end=cue + 6,
        speaker=text[start:end],
        speaker_start=start,
        speaker_end=end,
        content_start=cue + 7,
        content_end=len(text) - 1,
    )
    empty = Registry.empty()
    resolve(c, empty, State(mentions=Mentions.read(text, empty)), text)
    assert (c.speaker, c.role) == ("Nadia Quist", "Councilwoman")


def test_according_to_opening_a_sentence_says_the_clause_after_it():
    """ "According to the regional housing office, rents in Castlebury rose ...": the words
    said are the clause after the comma (the draft's text ran from "According to")."""
    text = (
        "Castlebury is short of homes.\n\n"
        "According to the regional housing office, rents in Castlebury rose by 9 percent last"
        " year.\n"
    )
    (c,) = extract(text, published="2026-03-14")
    assert (c.speaker_as_written, c.cue, c.text) == (
        "the regional housing office",
        "According to",
        "rents in Castlebury rose by 9 percent last year",
    )


def test_according_to_a_source_with_a_relative_clause_is_two_statements():
    """ "Vacancy rates fell again, according to the Tenants Federation, which has warned for
    months that ...": the federation's figure, and its warning (the draft had one statement
    over the whole sentence, and the warning lost)."""
    text = (
        "Castlebury is short of homes.\n\n"
        "Vacancy rates fell again, according to the Tenants Federation, which has warned for"
        " months that families are being priced out of the city.\n"
    )
    found = extract(text, published="2026-03-14")
    assert [(c.speaker_as_written, c.cue, c.text) for c in found] == [
        ("the Tenants Federation", "according to", "Vacancy rates fell again"),
        (
            "the Tenants Federation",
            "warned",
            "warned for months that families are being priced out of the city",
        ),
    ]


def test_a_player_described_by_age_is_the_one_named_with_it(registry):
    """ "Marco Ventis, 29, joined ..." then "The 29-year-old midfielder also revealed that
    ...": Ventis speaks, and the draft's cue is the verb (the draft kept the description for
    the speaker and "also revealed" for the cue; PolNeAR's cue keeps the adverb, so
    extraction keeps it)."""
    text = (
        "Marco Ventis, 29, joined Dunmere Rovers from a club in the south last summer.\n\n"
        "The 29-year-old midfielder also revealed that he had turned down an offer from"
        " abroad.\n"
    )
    (c,) = extract(text, registry=registry, published="2026-03-14")
    assert (c.speaker, c.role, c.cue) == ("Marco Ventis", "midfielder", "also revealed")
    draft, _ = drafted(text, registry, published="2026-03-14")
    assert '    cue: "revealed"' in draft
    assert '    text: "revealed that he had turned down an offer from abroad"' in draft


def test_deeds_and_unanswered_calls_are_not_drafted(registry):
    """ "suspended a timber export agreement", "cancelled her contract", "deputies voted
    against the deal", "did not return calls": things done, or no answer, drafted as
    statements (PolNeAR marks some, so extraction keeps them); what was said stays."""
    text = (
        "The Norvanian government suspended a timber export agreement with Qasira in July, citing"
        " unpaid invoices.\n\n"
        "The mayor's office did not return calls seeking comment.\n\n"
        "Two opposition deputies voted against the deal, and one abstained.\n\n"
        "Mill owner Petra Hale cancelled her contract with the exporter last week and said she"
        " would sue.\n"
    )
    cues = {c.cue for c in extract(text, registry=registry, published="2026-03-14")}
    assert {"suspended", "did not return calls", "cancelled"} <= cues
    draft, count = drafted(text, registry, published="2026-03-14")
    assert re.findall(r"\n    cue: (.*)", draft) == ['"citing"', '"said"']  # reasons and words


def test_she_is_the_person_whose_deed_opens_the_paragraph():
    """ "Ilona Bartos lost her job as a crane operator ... “Nobody warned us,” she said.":
    Bartos speaks (the draft left "she" unresolved, and beside another speaker took her for
    him: a name opening a line was a person only before "has", "was", "said" and the like)."""
    text = (
        "Hundreds of workers have left the Karsk shipyard since the spring. The port's"
        " director, Omar Fell, said the yard would hire again in the autumn.\n\n"
        "Ilona Bartos lost her job as a crane operator in January after eleven years at the"
        " yard, and now drives a taxi. “Nobody warned us,” she said.\n"
    )
    found = extract(text, published="2026-03-14")
    assert [c.speaker for c in found if c.kind == "direct"] == ["Ilona Bartos"]


def test_a_description_after_an_age_is_taken_whole():
    """ "Union chairman Viktor Hollis, 62, a former dairy farmer who has led the union since
    2019, told ...": the tagger's speaker stopped at "a former dairy", and so did the role."""
    text = (
        "Farmers in the Tarn valley will receive emergency payments, the ministry said.\n\n"
        "Union chairman Viktor Hollis, 62, a former dairy farmer who has led the union since"
        " 2019, told the regional assembly that the payments were “too little and too late.”\n"
    )
    (c,) = [c for c in extract(text, published="2026-05-06") if c.cue == "told"]
    assert (c.speaker, c.role) == ("Viktor Hollis", "Union chairman, a former dairy farmer")


def test_which_after_whom_a_sentence_is_according_to_is_that_source():
    """ "Grain prices rose 14 percent in April, according to the Breska commodity exchange,
    which has forecast further increases.": the exchange forecast them (the draft's speaker
    was "which"; the span stays "which", as PolNeAR marks a relative pronoun)."""
    text = (
        "Farmers in the Tarn valley will receive emergency payments, the ministry said.\n\n"
        "Grain prices rose 14 percent in April, according to the Breska commodity exchange,"
        " which has forecast further increases.\n"
    )
    found = extract(text, published="2026-05-06")
    assert [(c.speaker_as_written, c.speaker) for c in found if c.cue == "has forecast"] == [
        ("which", "Breska commodity exchange")
    ]


def test_the_bare_year_old_is_the_person_named_with_that_age():
    """ "“...,” said the 27-year-old.": Dana Petrov, named before with that age (the draft's
    speaker was "the 27-year-old", to be added to the registry)."""
    text = (
        "The Ostraven city council will vote next week on closing two public pools.\n\n"
        "Dana Petrov, 27, has worked at the Harbour Street pool since she was a student. “This"
        " is where the whole district learned to swim,” said the 27-year-old.\n"
    )
    (c,) = [c for c in extract(text, published="2026-06-02") if c.kind == "direct"]
    assert (c.speaker, c.speaker_resolved) == ("Dana Petrov", True)


def test_a_trade_in_lower_case_before_a_name_is_the_role():
    """ "Mill owner Petra Hale said ...": Petra Hale, a mill owner (the draft's speaker was
    "Mill owner Petra Hale", keyed mill-owner-petra-hale)."""
    text = (
        "The timber agreement was suspended in July.\n\n"
        "Mill owner Petra Hale said she would sue the exporter.\n"
    )
    (c,) = extract(text, published="2026-06-02")
    assert (c.speaker, c.role) == ("Petra Hale", "Mill owner")


def test_a_cue_inside_a_question_put_is_no_statement_and_no_one_she_means():
    """ "Asked about Falkner's remarks on Friday, she said ...": the remarks are what the
    question is about (the draft had a statement of Falkner's, cue "remarks", and "she" was
    Falkner); "she" is the speaker named before."""
    text = (
        "SKARN, March 12 - The Green Front leader, Alma Ruud, said on Thursday that rail fares"
        " should be frozen.\n\n"
        "Asked about Falkner's remarks on Friday, she said the Green Front would not join any"
        " coalition that cut rail subsidies.\n"
    )
    found = extract(text, published="2026-03-14")
    assert [(c.cue, c.speaker) for c in found] == [("said", "Alma Ruud"), ("said", "Alma Ruud")]


def test_a_speaker_and_cue_set_off_by_commas_leave_the_whole_sentence_said():
    """ "The obstacle, a senior official at the ministry explained, is that ...": an aside
    inside the words said (the draft had the cue "explained, is" and the text from it, or the
    text "The bridge" alone); any verb and speaker, as "The cabinet, it said, had ..."."""
    text = (
        "Novelist returns to Harnby\n\n"
        "It is, Dunstan admitted, the book he first tried to write.\n\n"
        "The obstacle, a senior official at the ministry explained, is that the budget has been"
        " spent.\n\n"
        "The bridge, the transport minister conceded, will not open before 2028.\n"
    )
    found = extract(text, published="2026-03-14")
    assert [(c.speaker_as_written, c.cue, c.text) for c in found] == [
        ("Dunstan", "admitted", "It is, Dunstan admitted, the book he first tried to write"),
        (
            "a senior official at the ministry",
            "explained",
            "The obstacle, a senior official at the ministry explained, is that the budget has"
            " been spent",
        ),
        (
            "the transport minister",
            "conceded",
            "The bridge, the transport minister conceded, will not open before 2028",
        ),
    ]


def test_a_day_after_a_verb_to_come_in_the_words_said_does_not_date_the_saying():
    """ "said she would meet the minister on Thursday and hoped to ...": Thursday is when she
    will meet him (the draft cut the words before "on Thursday", dated the saying Thursday
    and drafted "hoped to ..." as a statement of its own)."""
    text = (
        "Dairy prices fell for a third month in February.\n\n"
        "The farmers' union leader, Greta Hollund, said she would meet the agriculture minister"
        " on Thursday and hoped to settle the dispute before the harvest.\n"
    )
    found = extract(text, published="2026-03-14")
    assert [(c.cue, c.said, c.text.endswith("before the harvest")) for c in found] == [
        ("said", "../2026-03-14", True)
    ]


def test_the_company_is_the_one_named_by_a_company_word_before():
    """ "... at a plant owned by Osterlund Plastics. The company said ...": a name that ends in
    a word companies are named with is the company "the company" means (the draft left "The
    company" unresolved)."""
    text = (
        "A chlorine leak forced the evacuation of 300 homes near Harnby on Tuesday, at a plant"
        " owned by Osterlund Plastics.\n\n"
        "The company said the valve had been replaced in January.\n"
    )
    (c,) = extract(text, published="2026-03-14")
    assert (c.speaker, c.speaker_resolved) == ("Osterlund Plastics", True)


def test_a_capitalized_adjective_before_a_bodys_name_is_part_of_the_name():
    """ "The General Transport Workers' Union ... said": the union's whole name (the draft
    had the speaker "Transport Workers' Union" with the role "General")."""
    text = (
        "Bus drivers in Harnby will strike on Monday.\n\n"
        "The General Transport Workers' Union said the strike would go ahead.\n"
    )
    (c,) = extract(text, published="2026-03-14")
    assert (c.speaker, c.role) == ("General Transport Workers' Union", None)


def test_a_group_of_people_is_no_one_she_means():
    """ "Many Arkel sellers said they were unimpressed ... “...,” she said": "she" is the woman
    who spoke before, not the group (the draft took "Many Arkel sellers" for her, as its two
    capitalized words read like a name)."""
    text = (
        "The Arkel print marketplace apologised on Monday for a data leak.\n\n"
        "Shop owner Dagny Holm said the company should have warned its sellers.\n\n"
        "Many Arkel sellers said they were unimpressed by the apology.\n\n"
        "“An email is not enough,” she said.\n"
    )
    (c,) = [c for c in extract(text, published="2026-03-14") if c.kind == "direct"]
    assert (c.speaker_as_written, c.speaker) == ("she", "Dagny Holm")


def test_a_quotation_with_its_cue_twice_is_one_statement_of_the_speaker_named():
    """ "Shop owner Dagny Holm, who ..., said “An email is not enough,” she said.": one
    quotation, hers (the draft had beside it a partial quote "said “...,” she said")."""
    text = (
        "The Arkel print marketplace apologised on Monday for a data leak.\n\n"
        "Some users were unimpressed by the apology. Shop owner Dagny Holm, who has sold prints"
        " on the site since 2019, said “An email is not enough,” she said.\n"
    )
    found = extract(text, published="2026-03-14")
    assert [(c.kind, c.speaker, c.role, c.text) for c in found] == [
        ("direct", "Dagny Holm", "Shop owner", "An email is not enough")
    ]


def test_the_company_is_the_body_that_spoke_or_runs_a_business_before():
    """ "Veltrana ... said ... The company said" and "Osk Veltrana, which operates the plant,
    ... The company said": the body that spoke last by its bare name, or a name that runs a
    business (the draft left "The company" unresolved in both)."""
    spoke = (
        "A chlorine leak forced the evacuation of 300 homes near Harnby on Tuesday.\n\n"
        "Veltrana, which operates the plant, said on Wednesday that no one had been hurt.\n\n"
        "The company said the valve had been replaced in January.\n"
    )
    runs = (
        "A chlorine leak forced the evacuation of 300 homes near Harnby on Tuesday.\n\n"
        "Osk Veltrana, which operates the plant, has closed it for a week.\n\n"
        "The company said the valve had been replaced in January.\n"
    )
    (*_, c) = extract(spoke, published="2026-03-14")
    assert (c.speaker, c.speaker_resolved) == ("Veltrana", True)
    (c,) = extract(runs, published="2026-03-14")
    assert (c.speaker, c.speaker_resolved) == ("Osk Veltrana", True)


def test_she_is_the_person_described_then_named_as_the_subject_before():
    """ "The Green Front leader, Alma Ruud, toured ... Asked about Falkner's remarks, she said
    ...": Ruud, the subject of the sentence before, whose description comes first (the draft
    left "she" unresolved, having read only a name opening a sentence)."""
    text = (
        "SKARN, March 12 - The Green Front leader, Alma Ruud, toured three northern towns this"
        " week.\n\n"
        "Asked about Falkner's remarks on Friday, she said the Green Front would not join any"
        " coalition.\n"
    )
    (c,) = extract(text, published="2026-03-14")
    assert (c.speaker_as_written, c.speaker) == ("she", "Alma Ruud")


def test_a_weekday_s_possessive_right_after_the_cue_dates_the_saying(registry):
    """ "“...,” Lindqvist told reporters after Thursday's hearing": the saying came after
    Thursday's hearing, that Thursday (a weekday's possessive elsewhere stays no date)."""
    text = (
        "“The bridge tolls will stay where they are,” Petra Lindqvist told reporters after "
        "Thursday’s hearing in Osterfjell.\n"
        "\n"
        "Lindqvist is expected to chair Thursday’s vote on the levy.\n"
    )
    found = extract(text, registry=registry, published="2026-11-09")
    assert [(c.cue, c.said, c.said_as_written) for c in found if c.kind == "direct"] == [
        ("told", "2026-11-05", "after Thursday’s")
    ]


def test_naming_the_dead_figures_shown_and_being_told_are_not_drafted(registry):
    """ "Police named the victims as ...", "Provisional results showed ...", "Villagers were
    told to stay indoors": an identification done, figures shown and an order received, no
    words anyone said (the tagger proposes them; PolNeAR marks some, so extraction keeps
    them); the fire chief's words stay."""
    text = (
        "Two people died when a grain silo exploded near Haldor on Sunday. Police named the"
        " victims as Greta Lund, 58, and her nephew Arvo, 23. Villagers were told to stay"
        " indoors until the dust settled.\n\n"
        "Provisional results showed the Harvest League ahead in four of the six wards.\n\n"
        "The silo had not been inspected since 2019, said Oskar Wendt, the district's fire"
        " chief.\n"
    )
    draft, count = drafted(text, registry, published="2026-09-14")
    assert re.findall(r"\n    cue: (.*)", draft) == ['"said"']


def test_the_regulator_is_the_regulatory_body_named_before(registry):
    """ "The Ostmark Energy Markets Authority (OEMA) fined ... the regulator said": the body
    named before whose name says it regulates (the draft left "the regulator" unresolved); a
    company named in between is not it."""
    text = (
        "The Ostmark Energy Markets Authority (OEMA) fined the grid operator Voltgard 3 million"
        " crowns on Tuesday over repeated blackouts in the north.\n\n"
        "Voltgard had ignored two earlier warnings, the regulator said in a statement.\n"
    )
    found = extract(text, registry=registry, published="2026-02-20")
    assert [(c.speaker_as_written, c.speaker) for c in found if c.cue.startswith("said")] == [
        ("the regulator", "Ostmark Energy Markets Authority")
    ]


def test_their_union_is_the_union_named_nearest(registry):
    """ "Nurses at three hospitals will walk out on Friday, their union said. The Kaldera
    Nursing Union wants ...": the union named next (the draft left "their union" as a
    description with no key)."""
    text = (
        "Nurses at three hospitals in Kaldera will walk out on Friday, their union said. The"
        " Kaldera Nursing Union wants a 6 percent rise for its 9,000 members.\n"
    )
    found = extract(text, registry=registry, published="2026-02-20")
    assert [(c.speaker_as_written, c.speaker) for c in found if c.cue == "said"] == [
        ("their union", "Kaldera Nursing Union")
    ]


def test_how_guarded_someone_is_and_what_one_has_to_do_are_not_drafted(registry):
    """ "Halvorsen is more reserved about his family": a description of the man, no words
    said; "To grasp the plan, one has to look past the slogans, says ...": "one" is nobody
    in particular (the tagger proposes both; the historian's words stay)."""
    text = (
        "Tomas Halvorsen, 61, likes to talk about the ferries. He is more reserved about his"
        " family, and about the illness that kept him out of office for a year.\n\n"
        "To grasp the plan, one has to look past the slogans, says Wenke Aas, an economist"
        " at the Norrvik Institute.\n"
    )
    draft, count = drafted(text, registry, published="2026-04-02")
    assert re.findall(r"\n    cue: (.*)", draft) == ['"says"']


def test_a_noun_after_a_possessive_with_nothing_after_it_is_no_cue(registry):
    """ "Any fair reading requires looking past the minister's pledges, opponents say": the
    tagger read "pledges" as a cue, the clause before it as its speaker; nothing follows it
    but the opponents' cue (the draft drafted it; the opponents' words stay)."""
    text = (
        "The Vellmar rail budget was cut by a third last year. Any fair reading of the new"
        " plan requires looking past the minister's pledges, opponents say.\n"
    )
    found = extract(text, registry=registry, published="2026-04-02")
    draft, count = drafted(text, registry, published="2026-04-02")
    assert re.findall(r"\n    cue: (.*)", draft) == ['"say"'], [c.cue for c in found]


def test_a_weekday_s_event_opening_the_sentence_dates_its_saying(registry):
    """ "At Thursday's briefing, Mossberg said ...": the saying at that Thursday's briefing
    (the draft said only "by its publication")."""
    text = (
        "The Kestrel Valley water board raised its charges by 9 percent.\n\n"
        "At Thursday’s briefing, the board’s chairwoman, Ulla Mossberg, said the rise was"
        " unavoidable.\n"
    )
    found = extract(text, registry=registry, published="2026-11-09")
    assert [(c.cue, c.said, c.said_as_written) for c in found if c.cue == "said"] == [
        ("said", "2026-11-05", "At Thursday’s")
    ]


def test_a_quotation_resumed_after_a_body_s_statement_is_one_statement(registry):
    """ "“A,” the statement said. “B.”": the noun "statement" before "said" is the speaker,
    not a cue of its own (the draft gave A with no speaker and "said. “B.”" as a partial)."""
    text = (
        "TARVIK, May 4 (Reuters) - The Osterlund Water Board on Monday defended its plan to"
        " drain the upper reservoir.\n\n"
        "“The dam has leaked for three summers,” the statement said. “Repairs cannot wait"
        " another year.”\n\n"
        "Farmers downstream said they were not told.\n"
    )
    found = extract(text, registry=registry, published="2026-05-05")
    quoted = [c for c in found if "dam has leaked" in c.text]
    assert [(c.kind, c.cue, c.speaker_as_written) for c in quoted] == [
        ("direct", "said", "the statement")
    ]
    assert quoted[0].text.endswith("cannot wait another year")
    assert not [c for c in found if c.text.startswith("said.")]


def test_a_body_described_by_its_kind_or_its_report_is_the_body_named(registry):
    """ "A survey released on Monday by the Brennock Trust, ... The survey finds ... the trust
    says ... Orlin University ... The university says": the survey is the trust's, the trust
    and the university the bodies named before (the draft left all three unresolved)."""
    text = (
        "A survey released on Monday by the Brennock Trust, a charity in the river towns,"
        " suggests that one in four bus routes has been cut since 2020.\n\n"
        "The survey finds that older people are hit hardest. The trust says the regional"
        " council ignored its warnings.\n\n"
        "Transport researchers at Orlin University reached the same figure in March. The"
        " university says the cuts will cost more than they save.\n"
    )
    found = extract(text, registry=registry, published="2026-06-10")
    assert [(c.speaker_as_written, c.speaker) for c in found if c.cue != "suggests"] == [
        ("The survey", "Brennock Trust"),
        ("The trust", "Brennock Trust"),
        ("The university", "Orlin University"),
    ]


def test_he_after_a_paragraph_opening_with_a_name_and_an_aside_is_that_person(registry):
    """ "Nils Brandt, for his part, is not hopeful. “...,” he said": the sentence's subject
    is whom "he" means, the aside between the name and its verb notwithstanding; "Strike
    leader Ola Lind is ..." likewise, with a lowercase title before the name (the draft gave
    both to the minister who spoke before)."""
    for opening, name in (
        ("Nils Brandt, for his part, is not hopeful.", "Nils Brandt"),
        ("Strike leader Ola Lind is not hopeful either.", "Ola Lind"),
    ):
        text = (
            "The ferry strike on the Sundvik crossing entered its second week on Monday."
            " Fisheries Minister Karl Oden said talks would resume on Friday.\n\n"
            f"{opening} “Nobody has offered us anything new,” he said.\n"
        )
        found = extract(text, registry=registry, published="2026-07-01")
        assert [c.speaker for c in found if c.speaker_as_written == "he"] == [name]


def test_the_writer_s_participle_clause_after_the_words_said_is_not_said(registry):
    """ "said it would bar trawlers from neighbouring Odden, deepening a row that has
    festered since spring": the words said end before the participle clause the writer adds
    about what the saying did (the draft ran the words on to the end of the sentence)."""
    text = (
        "BRESKA, Aug 3 (Reuters) - The Lannish government said it would impose tolls on trawlers"
        " from neighbouring Odden in its coastal waters, deepening a row that has festered"
        " since spring.\n\nOdden has not yet replied.\n"
    )
    found = extract(text, registry=registry, published="2026-08-04")
    assert [c.text for c in found if c.cue == "said"] == [
        "said it would impose tolls on trawlers from neighbouring Odden in its coastal waters"
    ]


def test_deeds_read_as_cues_are_left_out_of_the_draft(registry):
    """ "has long lobbied for the measure", "responded within hours", "to protest a planned
    closure", "is expected to visit the mills": pressing, acting or going somewhere, no words
    said (the draft drafted each as a statement; extraction keeps them, as PolNeAR marks
    some); the council's words stay."""
    text = (
        "VARNE, Sept 9 (Reuters) - The Dunmere county council voted on Tuesday to keep its"
        " timber levy.\n\n"
        "The Sawmillers' Federation, which has long lobbied for the measure, welcomed it. The"
        " forestry agency responded within hours, and Governor Lena Brisk is expected to visit"
        " the mills on Thursday.\n\n"
        "About two hundred loggers gathered outside the council hall on Wednesday to protest a"
        " planned closure of the northern depot.\n\n"
        "Council leader Jonas Ekk said the levy would pay for new roads.\n"
    )
    draft, count = drafted(text, registry, published="2026-09-10")
    cues = re.findall(r"\n    cue: (.*)", draft)
    assert not [c for c in cues if re.search(r"lobbied|responded|expected|protest", c)], cues
    assert '"said"' in cues


def test_a_verb_after_a_body_described_as_a_think_tank_keeps_its_words(registry):
    """ "A paper released on Friday by the Aldern Forum, a think tank in the port city,
    suggests ...": "think" after "a" is a noun, no cue; the tagger took it for one and missed
    "suggests", and the draft lost the paper's words (only the next sentence's stayed)."""
    text = (
        "SELBY, Oct 2 (Reuters) - Harbour rents rose again in September.\n\n"
        "A paper released on Friday by the Aldern Forum, a think tank in the port city,"
        " suggests rents have doubled since 2021. The paper warns that dock workers are"
        " moving inland.\n"
    )
    found = extract(text, registry=registry, published="2026-10-03")
    assert [c.cue for c in found] == ["suggests", "warns"]
    assert found[0].text == "suggests rents have doubled since 2021"
