/**
 * How to write element values and insertion positions, in one place: tools refer to it instead of repeating it, and
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
  "Positions: /body/children/N (N past the end appends), <table path>/row or <row path>/cell (append), <table>/children/N, <cell>/children/N, or the path of one element to insert right after it.",
].join("\n");
