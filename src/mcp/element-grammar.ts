/**
 * How to write element values, insertion positions and paths, in one place: tools refer to it instead of repeating it, and
 * the server can publish it for clients that read resources.
 */
export const ELEMENT_GRAMMAR = [
  'Element values are JSON objects with a "type": paragraph, heading, table, row, cell, list, image, hyperlink, page_break, section_break, footnote.',
  '{"type":"paragraph","text":"Hi","style":"Quote"} (style: a paragraph style name, or run formatting for the text).',
  '{"type":"paragraph","runs":[{"text":"Bold","style":{"bold":true,"color":"FF0000","font_size":12}},{"text":"link","url":"https://example.com"},{"tab":true},{"break":"line"}],"properties":{"alignment":"center","spacing_after":240,"indent_left":720}}.',
  'Right-to-left: "properties":{"bidi":true} and run style {"rtl":true}; new paragraphs also take the direction and language of the paragraph they follow.',
  '{"type":"heading","level":2,"text":"Title"}.',
  '{"type":"table","headers":["A","B"],"rows":[["1","2"],[{"text":"x","col_span":2,"shading":"EEEEEE"}]],"columns":[{"width":3000},{"width":3000}],"border_style":"single"}.',
  '{"type":"row","cells":["a","b"],"is_header":false}; {"type":"cell","text":"x","row_span":"restart"}.',
  '{"type":"list","items":["One",{"text":"Sub","level":1}],"ordered":true,"start":1}.',
  '{"type":"image","data":"<base64>" or "file":"<library file name>","width":200,"height":100,"unit":"px","alt":"Logo"}.',
  '{"type":"hyperlink","text":"Site","url":"https://example.com"} or "anchor":"<bookmark>"; {"type":"page_break"}; {"type":"section_break","break_type":"next_page"}.',
  '{"type":"footnote","text":"Note"}: added at the path of the paragraph it belongs to.',
  "Lengths are twips (1440 = 1 inch) unless a field says otherwise. Unknown properties are refused with the allowed ones listed.",
  "Every edit takes dry_run (preview), request_id (a retry with it returns the first result) and expected_position (refused once the document moved past that history position).",
  "Positions: /body/children/N (N past the end, - or -1 append), <table path>/row or <row path>/cell (append), <table>/children/N, <cell>/children/N, or the path of one element to insert right after it.",
  "Paths (query, count_elements and every path parameter): /body (a summary of the top-level blocks), /body/paragraph[0], /body/p[-1] (last), /body/heading[level=2], " +
    "/body/paragraph[text~='budget'] (contains, case-insensitive), /body/paragraph[text='Exact text'], /body/paragraph[style='ListBullet'], " +
    "/body/paragraph[id='1A2B3C4D'] (any id a result gave, also of paragraphs in cells and text boxes; /body/*[id='…'] for any element), " +
    "/body/table[0]/row[1]/cell[2]/paragraph[0], /body/paragraph[0]/run[1], /body/paragraph[0]/hyperlink[0]/run[0], " +
    "/body/paragraph[3]/textbox[0]/paragraph[1] (a paragraph in a text box the paragraph anchors), /body/section[0], /header[type=default], /footer[type=first], " +
    "/footnote[0], /comment[0], /metadata, /styles (paged by style). [*] selects all. Reads are paged: total, offset, next_offset; an item larger than max_chars continues with char_offset=next_char_offset.",
].join("\n");
