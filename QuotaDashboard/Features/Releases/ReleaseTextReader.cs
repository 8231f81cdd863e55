using System.Globalization;
using System.Text.RegularExpressions;

namespace QuotaDashboard.Features.Releases;

/// <summary>What a release text states, as the reader proposes it; spans are UTF-16 offsets into the text, end exclusive.</summary>
public sealed record ReleaseProposal(string Language, StatedDate? AsOf, IReadOnlyList<ProposedFigure> Figures, IReadOnlyList<UnplacedNumber> Unplaced);

/// <summary>A figure in the terms of releases.csv; quota figures are keyed by their year.</summary>
public sealed record ProposedFigure(string Figure, string? Key, decimal Value, TextSpan Sentence);

public readonly record struct TextSpan(int Start, int End);

/// <summary>A number the reader could not place; <see cref="Value"/> is null where the digits themselves are ambiguous.</summary>
public sealed record UnplacedNumber(string Text, decimal? Value, int Start, int End);

/// <summary>The as-of date a text states: <c>day</c>, or <c>month</c> (then the first of the month) where no day is printed.</summary>
public sealed record StatedDate(DateOnly Date, string Precision);

/// <summary>
/// Reads a release as the Ministry or a news agency printed it (Russian, Kazakh or English) by rules and word lists.
/// A number is placed when a figure's name stands in its sentence; otherwise it is listed as unplaced, never guessed.
/// Not numbers to place, so neither placed nor listed: dates and years, category numerals ("категория 1", "1-санат"),
/// and document numbers ("№ 397").
/// </summary>
public sealed class ReleaseTextReader
{
    private static readonly Regex NumberToken = new(
        @"(?<![\p{L}\p{N}])(?:\d{1,3}(?:[ \u00A0\u202F]\d{3})+(?!\p{N})|\d+)(?:[.,]\d+)*(?![\p{L}\p{N}])",
        RegexOptions.CultureInvariant);

    private static readonly Regex SentenceEnd = new(@"[.!?…]+(?=[\s\u00A0]+[\p{Lu}\p{N}«""“(]|[\s\u00A0]*$)|\n", RegexOptions.CultureInvariant);

    private static readonly Regex Abbreviation = new(@"(?:^|[\s(])(?:г|гг|обл|им|ул|No|ж|т\.е|e\.g|i\.e|St|Mr|Dr)$", RegexOptions.CultureInvariant);

    private const string KazakhLetters = "әғқңөұүһіӘҒҚҢӨҰҮҺІ";

    public ReleaseProposal Read(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var language = DetectLanguage(text);
        var vocabulary = ReleaseVocabulary.For(language);
        var reserved = new List<(int Start, int End)>();
        var dates = FindDates(text, vocabulary, reserved);
        foreach (Match m in ReleaseVocabulary.DocumentNumber.Matches(text))
        {
            reserved.Add((m.Index, m.Index + m.Length));
        }
        var hits = FindHits(text, vocabulary, reserved);
        var numbers = FindNumbers(text, vocabulary, reserved);
        var sentences = SplitSentences(text);
        var asOf = FindAsOf(text, dates, vocabulary, sentences);

        var figures = new List<(Number Number, ProposedFigure Figure)>();
        var unplaced = new List<Number>();
        int? quotaYear = null;
        for (var s = 0; s < sentences.Count; s++)
        {
            var sentence = sentences[s];
            var inSentence = numbers.Where(n => n.Start >= sentence.Start && n.End <= sentence.End).ToList();
            if (inSentence.Count == 0)
            {
                continue;
            }
            var sentenceHits = hits.Where(h => h.Start >= sentence.Start && h.End <= sentence.End).ToList();
            var previousHits = s > 0 ? hits.Where(h => h.Start >= sentences[s - 1].Start && h.End <= sentences[s - 1].End).ToList() : [];
            var placed = PlaceNumbers(text, vocabulary, sentence, sentences.ElementAtOrDefault(s - 1), inSentence, sentenceHits, previousHits);
            foreach (var number in inSentence)
            {
                if (!placed.TryGetValue(number, out var place) || Refused(number, place.Figure))
                {
                    unplaced.Add(number);
                    continue;
                }
                string? key = place.Key;
                if (place.Figure is ReleaseFigures.QuotaUnits or ReleaseFigures.QuotaSharePct)
                {
                    quotaYear = QuotaYear(text, vocabulary, number, sentence, dates, asOf) ?? quotaYear ?? asOf?.Date.Year;
                    if (quotaYear is null)
                    {
                        unplaced.Add(number);
                        continue;
                    }
                    key = quotaYear.Value.ToString(CultureInfo.InvariantCulture);
                }
                figures.Add((number, new ProposedFigure(place.Figure, key, number.Value!.Value, place.Span)));
            }
        }

        return new ReleaseProposal(
            language,
            asOf,
            [.. figures.OrderBy(f => f.Number.Start).Select(f => f.Figure)],
            [.. unplaced.OrderBy(n => n.Start).Select(n => new UnplacedNumber(text[n.Start..n.End], n.Value, n.Start, n.End))]);
    }

    /// <summary>Kazakh is written in Cyrillic with letters Russian does not have; a few of them in a Russian text are names.</summary>
    public static string DetectLanguage(string text)
    {
        int cyrillic = 0, latin = 0, kazakh = 0;
        foreach (var c in text)
        {
            if (KazakhLetters.Contains(c))
            {
                kazakh++;
                cyrillic++;
            }
            else if (c is >= '\u0400' and <= '\u04FF')
            {
                cyrillic++;
            }
            else if (char.IsAsciiLetter(c))
            {
                latin++;
            }
        }
        if (cyrillic <= latin)
        {
            return "en";
        }
        return kazakh >= 3 && kazakh * 100 >= cyrillic * 3 ? "kk" : "ru";
    }

    private sealed record Number(int Start, int End, decimal? Value, bool Percent, bool MoreThan, bool Approximate);

    private sealed record Hit(Term Term, string? Key, int Start, int End);

    private sealed record Place(string Figure, string? Key, TextSpan Span);

    private sealed record DateMention(int Start, int End, int Year, int? Month, int? Day);

    /// <summary>A hedged number ("more than", "about") is a figure of the record only as local employees "more than".</summary>
    private static bool Refused(Number number, string figure) =>
        figure == ReleaseFigures.LocalEmployeesMoreThan
            ? !number.MoreThan
            : number.MoreThan || number.Approximate || (!number.Percent && number.Value % 1 != 0);

    private static Dictionary<Number, Place> PlaceNumbers(string text, Vocabulary vocabulary, TextSpan sentence, TextSpan previous,
        List<Number> numbers, List<Hit> hits, List<Hit> previousHits)
    {
        var placed = new Dictionary<Number, Place>();
        var usedHits = new HashSet<(Hit, bool)>();
        var usedFigures = new HashSet<(string, string?)>();
        var sentenceSpan = new TextSpan(sentence.Start, sentence.End);

        // "третьей и четвертой категориям ... 3 784 и 1 271 человек соответственно": the numbers joined before
        // "respectively" take the names before them in order, from this sentence or, where it names none, the one before.
        if (vocabulary.Respectively.Match(text, sentence.Start, sentence.End - sentence.Start) is { Success: true } respectively)
        {
            // English and Russian print the word after the numbers, Kazakh before them ("тиісінше 3 774 және 1 118").
            var run = Run(text, numbers.Where(n => n.End <= respectively.Index).Reverse(), (a, b) => (b, a));
            if (run.Count < 2)
            {
                run = Run(text, numbers.Where(n => n.Start >= respectively.Index + respectively.Length), (a, b) => (a, b));
            }
            if (run.Count >= 2 && run.All(n => n.Value is not null && n.Percent == run[0].Percent))
            {
                var percent = run[0].Percent;
                var from = numbers.LastOrDefault(n => n.End <= run[0].Start)?.End ?? sentence.Start;
                var names = Distinct(hits.Where(h => h.Start >= from && h.End <= run[0].Start), percent);
                var span = sentenceSpan;
                if (names.Count == 0 && from == sentence.Start && previous != default)
                {
                    names = Distinct(previousHits, percent);
                    span = new TextSpan(previous.Start, sentence.End);
                }
                if (names.Count == run.Count)
                {
                    foreach (var (number, name) in run.Zip(names))
                    {
                        var figure = name.Term.FigureFor(percent)!;
                        placed[number] = new Place(figure, name.Key, span);
                        usedFigures.Add((figure, name.Key));
                    }
                }
            }
        }

        // Named figures first; the total's words ("всего", "in total") take only what no name claimed.
        foreach (var totals in new[] { false, true })
        {
            var candidates =
                from n in numbers
                where n.Value is not null && !placed.ContainsKey(n)
                from h in hits
                where h.Term.IsTotal == totals && h.Term.FigureFor(n.Percent) is not null
                orderby Separators(text, n, h), Gap(n, h), n.Start
                select (Number: n, Hit: h);
            foreach (var (number, hit) in candidates)
            {
                var figure = hit.Term.FigureFor(number.Percent)!;
                if (placed.ContainsKey(number) || usedHits.Contains((hit, number.Percent)) || (!hit.Term.IsQuota && usedFigures.Contains((figure, hit.Key))))
                {
                    continue;
                }
                placed[number] = new Place(figure, hit.Key, sentenceSpan);
                usedHits.Add((hit, number.Percent));
                usedFigures.Add((figure, hit.Key));
            }
        }
        return placed;
    }

    /// <summary>The numbers joined into one list, walking away from "respectively" in the given order.</summary>
    private static List<Number> Run(string text, IEnumerable<Number> walk, Func<Number, Number, (Number First, Number Second)> inTextOrder)
    {
        var run = new List<Number>();
        foreach (var number in walk)
        {
            if (run.Count > 0)
            {
                var (first, second) = inTextOrder(run[^1], number);
                if (!ReleaseVocabulary.ListJoiner.IsMatch(text[first.End..second.Start]))
                {
                    break;
                }
            }
            run.Add(number);
        }
        return [.. run.OrderBy(n => n.Start)];
    }

    private static List<Hit> Distinct(IEnumerable<Hit> hits, bool percent) =>
        [.. hits.Where(h => !h.Term.IsTotal && h.Term.FigureFor(percent) is not null)
            .OrderBy(h => h.Start)
            .DistinctBy(h => (h.Term.FigureFor(percent), h.Key))];

    private static int Gap(Number n, Hit h) => h.Start >= n.End ? h.Start - n.End : Math.Max(0, n.Start - h.End);

    /// <summary>Commas and semicolons between a number and a name: "Китай — 5 604, Узбекистан — 2 110" pairs each number with the name on its side.</summary>
    private static int Separators(string text, Number n, Hit h)
    {
        var (from, to) = h.Start >= n.End ? (n.End, h.Start) : (h.End, n.Start);
        var count = 0;
        for (var i = from; i < to; i++)
        {
            if (text[i] is ',' or ';')
            {
                count++;
            }
        }
        return count;
    }

    private static int? QuotaYear(string text, Vocabulary vocabulary, Number number, TextSpan sentence, List<DateMention> dates, StatedDate? asOf)
    {
        var inSentence = dates.Where(d => d.Start >= sentence.Start && d.End <= sentence.End).ToList();
        if (inSentence.LastOrDefault(d => d.End <= number.Start) is { } before)
        {
            return before.Year;
        }
        if (inSentence.FirstOrDefault() is { } after)
        {
            return after.Year;
        }
        return vocabulary.ThisYear.IsMatch(text[sentence.Start..sentence.End]) ? asOf?.Date.Year : null;
    }

    private static List<DateMention> FindDates(string text, Vocabulary vocabulary, List<(int Start, int End)> reserved)
    {
        var dates = new List<DateMention>();
        foreach (var pattern in (Regex[])[ReleaseVocabulary.IsoDate, ReleaseVocabulary.DottedDate, .. vocabulary.Dates, ReleaseVocabulary.YearFollowed, ReleaseVocabulary.YearPreceded])
        {
            foreach (Match m in pattern.Matches(text))
            {
                if (Overlaps(reserved, m.Index, m.Index + m.Length))
                {
                    continue;
                }
                var month = m.Groups["mn"].Success ? int.Parse(m.Groups["mn"].Value, CultureInfo.InvariantCulture)
                    : m.Groups["m"].Success ? MonthOf(vocabulary, m.Groups["m"].Value) : (int?)null;
                int? day = m.Groups["d"].Success ? int.Parse(m.Groups["d"].Value, CultureInfo.InvariantCulture) : null;
                if (month is < 1 or > 12 || day is < 1 or > 31)
                {
                    continue;
                }
                reserved.Add((m.Index, m.Index + m.Length));
                // A day and month without a year ("на 1 декабря") is still a date, but states no year to use.
                if (m.Groups["y"].Success)
                {
                    var year = int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture);
                    if (day is not null && (month is null || day > DateTime.DaysInMonth(year, month.Value)))
                    {
                        continue;
                    }
                    dates.Add(new DateMention(m.Index, m.Index + m.Length, year, month, day));
                }
            }
        }
        dates.Sort((a, b) => a.Start.CompareTo(b.Start));
        return dates;
    }

    private static int? MonthOf(Vocabulary vocabulary, string word) =>
        vocabulary.Months.Where(m => word.StartsWith(m.Stem, StringComparison.OrdinalIgnoreCase))
            .OrderByDescending(m => m.Stem.Length).Select(m => (int?)m.Month).FirstOrDefault();

    private static StatedDate? FindAsOf(string text, List<DateMention> dates, Vocabulary vocabulary, List<TextSpan> sentences)
    {
        foreach (var date in dates.Where(d => d.Month is not null))
        {
            var sentence = sentences.FirstOrDefault(s => s.Start <= date.Start && date.End <= s.End);
            var before = text[sentence.Start..date.Start];
            var after = text[date.End..sentence.End];
            if (vocabulary.AsOfBefore.IsMatch(before) || vocabulary.AsOfAfter.IsMatch(after))
            {
                var first = new DateOnly(date.Year, date.Month!.Value, date.Day ?? 1);
                return new StatedDate(first, date.Day is null ? "month" : "day");
            }
        }
        return null;
    }

    private static List<Hit> FindHits(string text, Vocabulary vocabulary, List<(int Start, int End)> reserved)
    {
        var hits = new List<Hit>();
        foreach (var term in vocabulary.Terms)
        {
            foreach (Match m in term.Pattern.Matches(text))
            {
                hits.Add(new Hit(term, term.Key, m.Index, m.Index + m.Length));
            }
        }
        foreach (var pattern in vocabulary.OrdinalCategories)
        {
            var category = new Term(ReleaseFigures.Category, null, null, pattern);
            foreach (Match m in pattern.Matches(text))
            {
                foreach (var capture in m.Groups["o"].Captures.Concat(m.Groups["d"].Captures))
                {
                    var key = capture.Value is [>= '1' and <= '4'] digit
                        ? "cat" + digit
                        : vocabulary.Ordinals.First(o => capture.Value.StartsWith(o.Stem, StringComparison.OrdinalIgnoreCase)).Key;
                    hits.Add(new Hit(category, key, capture.Index, capture.Index + capture.Length));
                    if (char.IsAsciiDigit(capture.Value[0]))
                    {
                        reserved.Add((capture.Index, capture.Index + capture.Length));
                    }
                }
            }
        }
        // A name inside a longer one is part of it: "отандық мамандар" is local staff, not specialists.
        return [.. hits.Where(h => !hits.Any(o => o.Start <= h.Start && h.End <= o.End && o.End - o.Start > h.End - h.Start))];
    }

    private static List<Number> FindNumbers(string text, Vocabulary vocabulary, List<(int Start, int End)> reserved)
    {
        var numbers = new List<Number>();
        foreach (Match m in NumberToken.Matches(text))
        {
            var (start, end) = (m.Index, m.Index + m.Length);
            if (Overlaps(reserved, start, end))
            {
                continue;
            }
            var (scale, multiplier) = (vocabulary.Thousand.Match(text, end), 1_000m);
            if (!scale.Success)
            {
                (scale, multiplier) = (vocabulary.Million.Match(text, end), 1_000_000m);
            }
            multiplier = scale.Success ? multiplier : 1m;
            var scaleEnd = scale.Success ? scale.Index + scale.Length : end;
            var percent = ReleaseVocabulary.Percent.Match(text, scaleEnd).Success;
            var lead = text[Math.Max(0, start - 30)..start];
            numbers.Add(new Number(start, end, ParseDigits(m.Value, multiplier != 1m || percent) is { } v ? v * multiplier : null,
                percent,
                vocabulary.MoreThanBefore.IsMatch(lead) || vocabulary.MoreThanAfter.Match(text, end).Success,
                vocabulary.ApproximateBefore.IsMatch(lead) || vocabulary.ApproximateAfter.Match(text, end).Success));
        }
        // "с 14,8 до 16,5 тысячи", "0,2 и 0,25 процента": the first number shares the scale or percentage of the second.
        for (var i = numbers.Count - 2; i >= 0; i--)
        {
            var (first, second) = (numbers[i], numbers[i + 1]);
            if (first.Percent || first.Value is null || second.Value is null || !ReleaseVocabulary.Joiner.IsMatch(text[first.End..second.Start]))
            {
                continue;
            }
            var digits = text[first.Start..first.End];
            var secondDigits = ParseDigits(text[second.Start..second.End], true);
            var multiplier = secondDigits is > 0 ? second.Value.Value / secondDigits.Value : 1m;
            if (multiplier != 1m || second.Percent)
            {
                numbers[i] = first with { Value = ParseDigits(digits, true) * multiplier, Percent = second.Percent };
            }
        }
        return [.. numbers.Select(n => n with { Value = n.Value is { } v ? Normalize(v) : null })];
    }

    /// <summary>
    /// "14 103" and "14,103" are thousands; "14,1", "0,25" and "14.1 thousand" are decimals. A single comma or point
    /// before exactly three digits is read as a thousands separator, unless a scale or percentage word follows or the
    /// whole part is 0: releases count people and units, and print decimals only with "thousand" or "percent".
    /// </summary>
    internal static decimal? ParseDigits(string raw, bool scaledOrPercent)
    {
        var compact = raw.Replace(" ", "").Replace("\u00A0", "").Replace("\u202F", "");
        var spaceGrouped = compact.Length != raw.Length;
        var parts = Regex.Split(compact, "([.,])");
        var whole = parts[0];
        if (parts.Length == 1)
        {
            return Dec(whole);
        }
        var separators = parts.Where((_, i) => i % 2 == 1).ToArray();
        var groups = parts.Where((_, i) => i > 0 && i % 2 == 0).ToArray();
        if (spaceGrouped)
        {
            return separators.Length == 1 ? Dec(whole + "." + groups[0]) : null;
        }
        if (separators.Length == 1)
        {
            var thousands = groups[0].Length == 3 && whole.Length <= 3 && whole != "0" && !scaledOrPercent;
            return thousands ? Dec(whole + groups[0]) : Dec(whole + "." + groups[0]);
        }
        var leading = separators[..^1];
        if (whole.Length > 3 || leading.Any(s => s != leading[0]) || groups[..^1].Any(g => g.Length != 3))
        {
            return null;
        }
        if (separators[^1] == leading[0])
        {
            return groups[^1].Length == 3 ? Dec(whole + string.Concat(groups)) : null;
        }
        return Dec(whole + string.Concat(groups[..^1]) + "." + groups[^1]);
    }

    private static decimal Dec(string digits) => decimal.Parse(digits, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);

    /// <summary>14.8 × 1000 is 14800.0 to a decimal; the proposal says 14800.</summary>
    private static decimal Normalize(decimal value) => value / 1.000000000000000000000000000000000m;

    private static bool Overlaps(List<(int Start, int End)> spans, int start, int end) => spans.Any(s => s.Start < end && start < s.End);

    private static List<TextSpan> SplitSentences(string text)
    {
        var sentences = new List<TextSpan>();
        var start = 0;
        foreach (Match m in SentenceEnd.Matches(text))
        {
            if (m.Value != "\n" && Abbreviation.IsMatch(text[start..m.Index]))
            {
                continue;
            }
            Add(start, m.Value == "\n" ? m.Index : m.Index + m.Length);
            start = m.Index + m.Length;
        }
        Add(start, text.Length);
        return sentences;

        void Add(int from, int to)
        {
            while (from < to && char.IsWhiteSpace(text[from]))
            {
                from++;
            }
            while (to > from && char.IsWhiteSpace(text[to - 1]))
            {
                to--;
            }
            if (to > from)
            {
                sentences.Add(new TextSpan(from, to));
            }
        }
    }
}
