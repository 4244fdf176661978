using System.Text.Unicode;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Body = DocumentFormat.OpenXml.Wordprocessing.Body;

namespace InterAssociatif.Governance.MinutesDocuments;

/// <summary>The formats the minutes are downloaded in: <c>/meetings/{id}/minutes.{extension}</c>.</summary>
internal enum MinutesFormat
{
    Docx,
    Html,
    Markdown,
}

/// <summary>
/// Writes a <see cref="MinutesDocument"/> as DOCX (Open XML), a self-contained HTML page, or Markdown.
/// </summary>
internal static class MinutesFormats
{
    public const string DecisionColumn = "Relevé de décision";
    public const string FollowUpColumn = "Suivi/échéance";

    /// <summary>Escapes markup only: French text stays readable in the page's source.</summary>
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    /// <summary>Raw HTML in notes is shown as text, never interpreted.</summary>
    private static readonly MarkdownPipeline Notes = new MarkdownPipelineBuilder().DisableHtml().Build();

    public static string Extension(MinutesFormat format) =>
        format switch
        {
            MinutesFormat.Docx => "docx",
            MinutesFormat.Html => "html",
            _ => "md",
        };

    public static string MediaType(MinutesFormat format) =>
        format switch
        {
            MinutesFormat.Docx => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            MinutesFormat.Html => "text/html; charset=utf-8",
            _ => "text/markdown; charset=utf-8",
        };

    public static byte[] Write(MinutesDocument document, MinutesFormat format) =>
        format switch
        {
            MinutesFormat.Docx => Docx(document),
            MinutesFormat.Html => Encoding.UTF8.GetBytes(Html(document)),
            _ => Encoding.UTF8.GetBytes(Markdown(document)),
        };

    /// <summary>The lines of the header, in the order of the source, shared by every format.</summary>
    private static IEnumerable<(string Label, IReadOnlyList<string> Lines)> Sections(MinutesDocument d) =>
        [
            ("Objet de la réunion", [d.Object]),
            ("Date de la réunion", [FrenchDates.Short(d.MeetingDay)]),
            ("Pièces jointes", d.Attachments),
            ("Participants", d.Participants.Select(GroupLine).ToList()),
            ("Absents ou excusés", [.. d.AbsentOrganizations, .. d.Excused.Select(GroupLine)]),
            ("Diffusion", [d.Distribution]),
        ];

    private static string GroupLine(PeopleOfOrganization group) =>
        group.People.Count == 0 ? group.Organization : $"{group.Organization} : {string.Join(" ; ", group.People)}";

    private static string RowTitle(DocumentRow row) => row.Number.Length == 0 ? row.Title : $"{row.Number} {row.Title}";

    private static IEnumerable<string> RightColumn(DocumentRow row) => row.FollowUps.Concat(row.Requests);

    public static string Markdown(MinutesDocument d)
    {
        var text = new StringBuilder();
        text.Append(d.PlaceAndDate).Append("\n\n# ").Append(d.Heading).Append("\n\n");
        foreach (var (label, lines) in Sections(d))
        {
            text.Append("**").Append(label).Append(" :**");
            text.Append(
                lines.Count == 1 ? $" {lines[0]}\n\n" : "\n\n" + string.Concat(lines.Select(l => $"- {l}\n")) + "\n");
        }

        text.Append("## ").Append(DecisionColumn).Append(" — ").Append(FollowUpColumn).Append("\n\n");
        foreach (var row in d.Rows)
        {
            text.Append(new string('#', Math.Min(3 + row.Depth, 6))).Append(' ').Append(RowTitle(row)).Append("\n\n");
            text.Append(string.IsNullOrWhiteSpace(row.Notes) ? "" : row.Notes.Trim() + "\n\n");
            text.Append(string.Concat(row.Decisions.Select(l => $"- **Décision :** {l}\n")))
                .Append(row.Decisions.Count > 0 ? "\n" : "");
            text.Append(string.Concat(RightColumn(row).Select(l => $"- *{FollowUpColumn} :* {l}\n")))
                .Append(RightColumn(row).Any() ? "\n" : "");
        }

        text.Append("## Les étapes\n\n").Append(string.Concat(d.Milestones.Select(m => $"- {m}\n")));
        return text.ToString();
    }

    public static string Html(MinutesDocument d)
    {
        static string E(string text) => Encoder.Encode(text);
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"fr\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
            .Append(E($"{d.Heading} — {d.Object} — {FrenchDates.Short(d.MeetingDay)}"))
            .Append("</title>\n<style>")
            .Append("body{font-family:Arial,Helvetica,sans-serif;max-width:60em;margin:2em auto;line-height:1.4}")
            .Append(
                "table{border-collapse:collapse;width:100%}td,th{border:1px solid #444;padding:.4em;vertical-align:top}"
            )
            .Append(
                "th{background:#eee}.place{text-align:right}@media print{body{margin:0}}</style>\n</head>\n<body>\n")
            .Append("<p class=\"place\">")
            .Append(E(d.PlaceAndDate))
            .Append("</p>\n<h1>")
            .Append(E(d.Heading))
            .Append("</h1>\n");
        foreach (var (label, lines) in Sections(d))
        {
            html.Append("<section><h2>")
                .Append(E(label))
                .Append("</h2>\n<ul>")
                .Append(string.Concat(lines.Select(l => $"<li>{E(l)}</li>")))
                .Append("</ul></section>\n");
        }

        html.Append("<table>\n<thead><tr><th>")
            .Append(E(DecisionColumn))
            .Append("</th><th>")
            .Append(E(FollowUpColumn))
            .Append("</th></tr></thead>\n<tbody>\n");
        foreach (var row in d.Rows)
        {
            html.Append("<tr><td><h3>")
                .Append(E(RowTitle(row)))
                .Append("</h3>")
                .Append(string.IsNullOrWhiteSpace(row.Notes) ? "" : NotesHtml(row.Notes))
                .Append(
                    string.Concat(
                        row.Decisions.Select(l => $"<p class=\"decision\"><strong>Décision :</strong> {E(l)}</p>"))
                )
                .Append("</td><td><ul>")
                .Append(string.Concat(RightColumn(row).Select(l => $"<li>{E(l)}</li>")))
                .Append("</ul></td></tr>\n");
        }

        html.Append("</tbody>\n</table>\n<h2>Les étapes</h2>\n<ul>")
            .Append(string.Concat(d.Milestones.Select(m => $"<li>{E(m)}</li>")))
            .Append("</ul>\n</body>\n</html>\n");
        return html.ToString();
    }

    /// <summary>
    /// A note's Markdown as HTML, links kept only to http(s) and mailto addresses and images turned into links: the
    /// page is also an email body, where no CSP guards it and a remote image would tell who opened it.
    /// </summary>
    private static string NotesHtml(string markdown)
    {
        var parsed = Markdig.Markdown.Parse(markdown, Notes);
        foreach (var link in parsed.Descendants<LinkInline>())
        {
            link.IsImage = false;
            var safe =
                Uri.TryCreate(link.Url, UriKind.Absolute, out var url) && url.Scheme is "http" or "https" or "mailto";
            link.Url = safe ? link.Url : "";
        }

        using var html = new StringWriter();
        var renderer = new Markdig.Renderers.HtmlRenderer(html);
        Notes.Setup(renderer);
        renderer.Render(parsed);
        return html.ToString();
    }

    public static byte[] Docx(MinutesDocument d)
    {
        using var stream = new MemoryStream();
        using (var package = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = package.AddMainDocumentPart();
            main.AddNewPart<StyleDefinitionsPart>().Styles = WordStyles();
            var body = new Body();
            body.Append(Paragraph(d.PlaceAndDate, justification: JustificationValues.Right));
            body.Append(Paragraph(d.Heading, style: "Title"));
            foreach (var (label, lines) in Sections(d))
            {
                body.Append(Paragraph($"{label} :", style: "Heading1"));
                body.Append(lines.Select(l => Paragraph(l)));
            }

            body.Append(RecordTable(d));
            body.Append(Paragraph("Les étapes", style: "Heading1"));
            body.Append(d.Milestones.Select(m => Paragraph($"• {m}")));
            body.Append(
                new SectionProperties(
                    new PageSize { Width = 11906U, Height = 16838U },
                    new PageMargin
                    {
                        Top = 1134,
                        Bottom = 1134,
                        Left = 1134U,
                        Right = 1134U,
                    }
                )
            );
            main.Document = new Document(body);
            package.PackageProperties.Title = XmlSafe($"{d.Heading} — {d.Object}");
            package.PackageProperties.Language = "fr-FR";
        }

        return stream.ToArray();
    }

    private static Table RecordTable(MinutesDocument d)
    {
        // In the schema's order (top, left, bottom, right, …; the width before the borders): Word forgives another
        // order, validators do not.
        var border = new TableBorders(
            new TopBorder { Val = BorderValues.Single, Size = 4 },
            new LeftBorder { Val = BorderValues.Single, Size = 4 },
            new BottomBorder { Val = BorderValues.Single, Size = 4 },
            new RightBorder { Val = BorderValues.Single, Size = 4 },
            new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 },
            new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 }
        );
        var table = new Table(
            new TableProperties(new TableWidth { Type = TableWidthUnitValues.Pct, Width = "5000" }, border));
        table.Append(new TableGrid(new GridColumn { Width = "6300" }, new GridColumn { Width = "3300" }));
        table.Append(
            new TableRow(
                new TableRowProperties(new TableHeader()),
                Cell([Paragraph(DecisionColumn, bold: true)]),
                Cell([Paragraph(FollowUpColumn, bold: true)])
            )
        );
        foreach (var row in d.Rows)
        {
            List<OpenXmlElement> left = [Paragraph(RowTitle(row), style: "Heading2")];
            left.AddRange(row.Notes is null ? [] : NoteParagraphs(row.Notes));
            left.AddRange(row.Decisions.Select(l => Paragraph($"Décision : {l}", bold: true)));
            table.Append(
                new TableRow(Cell(left), Cell(RightColumn(row).Select(l => (OpenXmlElement)Paragraph(l)).ToList())));
        }

        return table;
    }

    private static TableCell Cell(IReadOnlyList<OpenXmlElement> content) =>
        new([.. content.Count == 0 ? [Paragraph("")] : content]);

    private static Paragraph Paragraph(
        string text, bool bold = false, string? style = null, JustificationValues? justification = null)
    {
        var paragraph = new Paragraph();
        if (style is not null || justification is not null)
        {
            paragraph.Append(new ParagraphProperties(Present(
                style is null ? null : new ParagraphStyleId { Val = style },
                justification is { } j ? new Justification { Val = j } : null)));
        }

        paragraph.Append(Run(text, bold, italic: false));
        return paragraph;
    }

    private static IEnumerable<OpenXmlElement> Present(params OpenXmlElement?[] elements) =>
        elements.OfType<OpenXmlElement>();

    /// <summary>
    /// Word's named styles, so that a coordinator who edits the minutes finds its headings in the navigation pane and
    /// can restyle them at once: <c>Title</c> for the heading, <c>Heading1</c> for the sections, <c>Heading2</c> for
    /// each agenda item of the record (outline levels 1 and 2), French as the text's language.
    /// </summary>
    private static Styles WordStyles()
    {
        static Style Paragraph(string id, string name, int halfPoints, int? outline, bool bold) =>
            new(
                new StyleName { Val = name },
                new BasedOn { Val = "Normal" },
                new NextParagraphStyle { Val = "Normal" },
                new PrimaryStyle(),
                new StyleParagraphProperties(Present(
                    new KeepNext(),
                    new SpacingBetweenLines { Before = "240", After = "120" },
                    outline is { } level ? new OutlineLevel { Val = level } : null)),
                new StyleRunProperties(Present(
                    bold ? new Bold() : null,
                    new FontSize { Val = halfPoints.ToString(FrenchDates.Culture) })))
            {
                Type = StyleValues.Paragraph,
                StyleId = id,
            };

        return new Styles(
            new DocDefaults(
                new RunPropertiesDefault(
                    new RunPropertiesBaseStyle(
                        new FontSize { Val = "22" }, new Languages { Val = "fr-FR" }))),
            new Style(new StyleName { Val = "Normal" }, new PrimaryStyle())
            {
                Type = StyleValues.Paragraph,
                StyleId = "Normal",
                Default = true,
            },
            Paragraph("Title", "Title", 32, outline: null, bold: true),
            Paragraph("Heading1", "heading 1", 24, outline: 0, bold: true),
            Paragraph("Heading2", "heading 2", 22, outline: 1, bold: true));
    }

    /// <summary>
    /// The text without the characters XML cannot hold (control characters the API lets through), which would
    /// otherwise make the document impossible to write.
    /// </summary>
    private static string XmlSafe(string text) =>
        text.All(System.Xml.XmlConvert.IsXmlChar)
            ? text
            : new string(text.Where(System.Xml.XmlConvert.IsXmlChar).ToArray());

    private static Run Run(string text, bool bold, bool italic)
    {
        var properties = new RunProperties();
        if (bold)
        {
            properties.Append(new Bold());
        }

        if (italic)
        {
            properties.Append(new Italic());
        }

        return new Run(properties, new Text(XmlSafe(text)) { Space = SpaceProcessingModeValues.Preserve });
    }

    /// <summary>
    /// A note's Markdown as Word paragraphs: paragraphs, list items (« • » or « 1. »), bold and italic.
    /// </summary>
    private static IEnumerable<Paragraph> NoteParagraphs(string markdown)
    {
        var parsed = Markdig.Markdown.Parse(markdown, Notes);
        foreach (var block in parsed.Descendants<LeafBlock>())
        {
            var list = block.Parent as ListItemBlock;
            var prefix =
                list?.Parent is ListBlock { IsOrdered: true } ordered ? $"{ordered.IndexOf(list) + 1}. "
                : list is not null ? "• "
                : "";
            var paragraph = new Paragraph();
            paragraph.Append(Run(prefix, bold: false, italic: false));
            if (block.Inline is { } inline)
            {
                paragraph.Append(Inlines(inline, bold: block is HeadingBlock, italic: false));
            }
            else
            {
                paragraph.Append(Run(block.Lines.ToString(), bold: false, italic: false));
            }

            yield return paragraph;
        }
    }

    private static IEnumerable<OpenXmlElement> Inlines(ContainerInline container, bool bold, bool italic)
    {
        foreach (var inline in container)
        {
            switch (inline)
            {
                case EmphasisInline emphasis:
                    foreach (
                        var run in Inlines(
                            emphasis, bold || emphasis.DelimiterCount >= 2, italic || emphasis.DelimiterCount == 1)
                    )
                    {
                        yield return run;
                    }

                    break;
                case ContainerInline nested:
                    foreach (var run in Inlines(nested, bold, italic))
                    {
                        yield return run;
                    }

                    break;
                case LineBreakInline:
                    yield return new Run(new Break());
                    break;
                case CodeInline code:
                    yield return Run(code.Content, bold, italic);
                    break;
                case LiteralInline literal:
                    yield return Run(literal.Content.ToString(), bold, italic);
                    break;
                case HtmlInline html:
                    yield return Run(html.Tag, bold, italic);
                    break;
                default:
                    break;
            }
        }
    }
}
