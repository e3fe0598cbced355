# --format markdown must not change what the text is: a paragraph that
# starts with Markdown syntax ("# ", "2024. ", "> ") is escaped, or it would
# render as a heading, a numbered list or a quotation. Its JSON is three
# paragraphs.
% pagewash clean --format markdown
Price list

# 1 best seller is the blue shoe, sold out again.

2024. Was a good year for sales in every shop.

> Quoted from the shop owner, who was happy.
^D
<!-- stdin -->

# Price list

\# 1 best seller is the blue shoe, sold out again.

2024\. Was a good year for sales in every shop.

\> Quoted from the shop owner, who was happy.

=> 0

% pagewash clean
Price list

# 1 best seller is the blue shoe, sold out again.

2024. Was a good year for sales in every shop.

> Quoted from the shop owner, who was happy.
^D
{"id":"stdin","source":"<stdin>","title":"Price list","hash":"4aff4c01b87c6f2f","sections":[{"hash":"055dc58696c92a98","heading":"Price list","level":1,"path":["Price list"],"blocks":[{"hash":"e64463450bdd065d","type":"paragraph","text":"# 1 best seller is the blue shoe, sold out again."},{"hash":"45027b8e77a43d0b","type":"paragraph","text":"2024. Was a good year for sales in every shop."},{"hash":"2d634264c9f20241","type":"paragraph","text":"> Quoted from the shop owner, who was happy."}]}],"metadata":{"language":"en","language_score":0.99},"text":"Price list\n\n# 1 best seller is the blue shoe, sold out again.\n\n2024. Was a good year for sales in every shop.\n\n> Quoted from the shop owner, who was happy.","schema_version":"1.1","stats":{"input_bytes":156,"input_lines":4,"invalid_utf8":0,"stripped":0,"duplicates":0}}
=> 0
