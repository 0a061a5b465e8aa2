"""APA 7 formatting of single references. Expected strings are written out by hand from the APA 7 rules.

The formatter returns Markdown; these tests render it with Python-Markdown, as the site does, and compare the
HTML a reader gets.
"""

from __future__ import annotations

import markdown

from macros.references import apa, short_cite, sort_key


def html(source: dict) -> str:
    rendered = markdown.markdown(str(apa(source)))
    assert rendered.startswith("<p>") and rendered.endswith("</p>")
    return rendered[3:-4]


def test_journal_article_italicises_journal_and_volume_and_links_the_doi():
    source = {"key": "edmondson1999", "authors": ["Edmondson, A."], "year": 1999,
              "title": "Psychological safety and learning behavior in work teams",
              "container": "Administrative Science Quarterly", "volume": "44", "issue": "2", "pages": "350-383",
              "doi": "10.2307/2666999"}
    assert html(source) == (
        "Edmondson, A. (1999). Psychological safety and learning behavior in work teams. "
        "<em>Administrative Science Quarterly</em>, <em>44</em>(2), 350–383. "
        '<a href="https://doi.org/10.2307/2666999">https://doi.org/10.2307/2666999</a>')


def test_article_title_ending_in_a_question_mark_gets_no_extra_period():
    source = {"key": "g", "authors": ["Garvin, D. A.", "Edmondson, A. C.", "Gino, F."], "year": 2008,
              "title": "Is yours a learning organization?", "container": "Harvard Business Review",
              "volume": "86", "issue": "3"}
    assert html(source) == ("Garvin, D. A., Edmondson, A. C., &amp; Gino, F. (2008). Is yours a learning "
                            "organization? <em>Harvard Business Review</em>, <em>86</em>(3).")


def test_article_without_doi_links_its_url_and_without_either_ends_after_the_pages():
    source = {"key": "h", "authors": ["Hailey, J.", "James, R."], "year": 2002,
              "title": "Learning leaders: The key to learning organisations", "container": "Development in Practice",
              "volume": "12", "issue": "3-4", "pages": "398-408", "url": "https://www.jstor.org/stable/4029510"}
    assert html(source) == (
        "Hailey, J., &amp; James, R. (2002). Learning leaders: The key to learning organisations. "
        "<em>Development in Practice</em>, <em>12</em>(3–4), 398–408. "
        '<a href="https://www.jstor.org/stable/4029510">https://www.jstor.org/stable/4029510</a>')
    del source["url"]
    assert html(source).endswith("<em>12</em>(3–4), 398–408.")


def test_issue_without_its_volume_is_left_out():
    source = {"key": "a", "authors": ["Alerasoul, S. A."], "year": 2022, "title": "Organisational learning",
              "container": "Human Resource Management Review", "issue": "3", "pages": "Artikel 100854"}
    assert html(source) == ("Alerasoul, S. A. (2022). Organisational learning. "
                            "<em>Human Resource Management Review</em>, Artikel 100854.")


def test_book_italicises_the_title_and_puts_the_edition_after_it():
    source = {"key": "s", "authors": ["Schein, E. H.", "Schein, P."], "year": 2017,
              "title": "Organizational culture and leadership", "edition": "5e dr.", "publisher": "John Wiley & Sons"}
    assert html(source) == ("Schein, E. H., &amp; Schein, P. (2017). <em>Organizational culture and leadership</em> "
                            "(5e dr.). John Wiley &amp; Sons.")


def test_report_names_its_series_and_number_and_a_group_author_ends_with_a_period():
    report = {"key": "k", "type": "report", "authors": ["Kools, M.", "Stoll, L."], "year": 2016,
              "title": "What makes a school a learning organisation?", "container": "OECD Education Working Papers",
              "issue": "No. 137", "publisher": "OECD Publishing", "doi": "10.1787/5jlwm62b3bvh-en"}
    assert html(report) == (
        "Kools, M., &amp; Stoll, L. (2016). <em>What makes a school a learning organisation?</em> "
        "(OECD Education Working Papers No. 137). OECD Publishing. "
        '<a href="https://doi.org/10.1787/5jlwm62b3bvh-en">https://doi.org/10.1787/5jlwm62b3bvh-en</a>')
    group = {"key": "o", "type": "report", "authors": ["OECD"], "year": 2018,
             "title": "Developing schools as learning organisations in Wales", "publisher": "OECD Publishing"}
    assert html(group) == ("OECD. (2018). <em>Developing schools as learning organisations in Wales</em>. "
                           "OECD Publishing.")


def test_thesis_and_conference_paper_carry_a_dutch_description_in_brackets():
    thesis = {"key": "t", "type": "thesis", "authors": ["Kools, M."], "year": 2020,
              "title": "Schools as learning organisations", "publisher": "Erasmus University Rotterdam"}
    assert html(thesis) == ("Kools, M. (2020). <em>Schools as learning organisations</em> "
                            "[Proefschrift, Erasmus University Rotterdam].")
    paper = {"key": "p", "type": "conference", "authors": ["Kyndt, E.", "Dochy, F."], "year": 2015,
             "title": "Antecedents of informal workplace learning", "container": "Biennial EARLI Conference 2015"}
    assert html(paper) == ("Kyndt, E., &amp; Dochy, F. (2015). <em>Antecedents of informal workplace learning</em> "
                           "[Paperpresentatie]. Biennial EARLI Conference 2015.")


def test_up_to_twenty_authors_are_all_listed_with_an_ampersand_before_the_last():
    names = [f"Auteur{i}, A." for i in range(1, 21)]
    source = {"key": "x", "authors": names, "year": 2020, "title": "Veel auteurs"}
    expected = ("Auteur1, A., Auteur2, A., Auteur3, A., Auteur4, A., Auteur5, A., Auteur6, A., Auteur7, A., "
                "Auteur8, A., Auteur9, A., Auteur10, A., Auteur11, A., Auteur12, A., Auteur13, A., Auteur14, A., "
                "Auteur15, A., Auteur16, A., Auteur17, A., Auteur18, A., Auteur19, A., &amp; Auteur20, A. (2020). "
                "<em>Veel auteurs</em>.")
    assert html(source) == expected


def test_more_than_twenty_authors_become_the_first_nineteen_an_ellipsis_and_the_last():
    names = [f"Auteur{i}, A." for i in range(1, 24)]
    source = {"key": "x", "authors": names, "year": 2020, "title": "Heel veel auteurs"}
    expected = ("Auteur1, A., Auteur2, A., Auteur3, A., Auteur4, A., Auteur5, A., Auteur6, A., Auteur7, A., "
                "Auteur8, A., Auteur9, A., Auteur10, A., Auteur11, A., Auteur12, A., Auteur13, A., Auteur14, A., "
                "Auteur15, A., Auteur16, A., Auteur17, A., Auteur18, A., Auteur19, A., . . . Auteur23, A. (2020). "
                "<em>Heel veel auteurs</em>.")
    assert html(source) == expected


def test_markdown_and_html_in_any_field_stay_literal_text():
    source = {"key": "x", "authors": ["O'Neil, J. <b>", "*Ster*, S."], "year": 2020,
              "title": "Leren <script>alert(1)</script> met *nadruk*, [een link](https://example.org) en {{ 6 * 7 }}",
              "container": "Tijdschrift_voor_<i>HRM</i>", "volume": "1", "pages": "1-2", "doi": "10.1000/a(b)_c"}
    result = html(source)
    assert "<script" not in result and "<b>" not in result and "<i>" not in result
    assert "<em>nadruk</em>" not in result and "<em>Ster</em>" not in result
    assert "example.org" in result and 'href="https://example.org"' not in result
    assert result == (
        "O&#39;Neil, J. &lt;b&gt;, &amp; *Ster*, S. (2020). Leren &lt;script&gt;alert(1)&lt;/script&gt; met "
        "*nadruk*, [een link](https://example.org) en {{ 6 * 7 }}. <em>Tijdschrift_voor_&lt;i&gt;HRM&lt;/i&gt;</em>, "
        '<em>1</em>, 1–2. <a href="https://doi.org/10.1000/a(b)_c">https://doi.org/10.1000/a(b)_c</a>')


def test_sort_key_follows_apa_order():
    def src(authors, year, title="t"):
        return {"authors": authors, "year": year, "title": title}

    kools_alone = src(["Kools, M."], 2020)
    kools_george = src(["Kools, M.", "George, B.", "Steijn, B."], 2020)
    kools_stoll = src(["Kools, M.", "Stoll, L."], 2016)
    kools_stoll_more = src(["Kools, M.", "Stoll, L.", "George, B."], 2020)
    marsick_1990 = src(["Marsick, V. J.", "Watkins, K. E."], 1990)
    marsick_2003 = src(["Marsick, V. J.", "Watkins, K. E."], 2003)
    schon = src(["Schön, D. A."], 1983)
    schroder = src(["Schroder, A."], 1980)
    shuffled = [schroder, marsick_2003, kools_stoll_more, kools_stoll, schon, kools_george, marsick_1990, kools_alone]
    assert sorted(shuffled, key=sort_key) == [kools_alone, kools_george, kools_stoll, kools_stoll_more,
                                              marsick_1990, marsick_2003, schon, schroder]


def test_short_cite_names_authors_year_and_main_title():
    one = {"authors": ["Senge, P. M."], "year": 1990, "title": "The fifth discipline: The art and practice"}
    two = {"authors": ["Marsick, V. J.", "Watkins, K. E."], "year": 1999,
           "title": "Facilitating learning organizations"}
    many = {"authors": ["Kools, M.", "Stoll, L.", "George, B."], "year": 2020, "title": "The school: The concept"}
    organisation = {"authors": ["OECD"], "year": 2018, "title": "Developing schools"}
    question = {"authors": ["Kools, M.", "Stoll, L."], "year": 2016,
                "title": "What makes a school a learning organisation?"}
    assert short_cite(one) == "Senge (1990). The fifth discipline."
    assert short_cite(question) == "Kools & Stoll (2016). What makes a school a learning organisation?"
    assert short_cite(two) == "Marsick & Watkins (1999). Facilitating learning organizations."
    assert short_cite(many) == "Kools e.a. (2020). The school."
    assert short_cite(organisation) == "OECD (2018). Developing schools."
