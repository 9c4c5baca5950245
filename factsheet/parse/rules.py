"""Furniture vocabulary and shapes shared by many sites. Each rule is general:
widget words, link/list shape, short lines; never an outlet's name."""

from __future__ import annotations

import re

from .dates import DATE_IN_TEXT

I = re.I
SENTENCE_END = re.compile(r"[.!?][\"'”’)]*\s")  # an end of sentence inside a block


def search_words(rule: re.Pattern[str], text: str) -> re.Match[str] | None:
    """The first match of a literal-phrase rule that starts and ends on word
    boundaries ("null" not in "annulled", "trusted by" not in "entrusted by").
    Checked here rather than with \\b in the pattern, which would stop the
    regex engine's fast scan for the phrases' first letters."""
    pos = 0
    while True:
        m = rule.search(text, pos)
        if m is None:
            return None
        start, end = m.span()
        if (start == 0 or not (text[start - 1].isalnum() and text[start].isalnum())) and (
                end == len(text) or not (text[end].isalnum() and text[end - 1].isalnum())):
            return m
        pos = start + 1

RELATED_HEADER = re.compile(
    r"^(?:you (?:may|might) (?:also )?(?:like|enjoy)|also read|read (?:more|also|next)|"
    r"more (?:stories|news|articles|headlines|coverage|from [\w&'’ -]{1,30}|in [\w&'’ -]{1,30}|on this(?: story| topic)?|"
    r"on these topics|to read)|explore more(?: on (?:these|this) topics?)?|around the web|what'?s new|"
    r"(?:sponsored|promoted|partner) (?:stories|content|links)|watch more|related videos?|"
    r"related(?: (?:stories|articles|posts|news|reading|coverage|content|links|topics|videos))?|"
    r"recommended(?: (?:for you|stories|articles|reading|videos))?|further reading|see also|"
    r"trending(?: now| stories| news| articles)?|popular (?:now|stories|posts|articles)|"
    r"most (?:read|popular|viewed|shared)|latest (?:news|stories|posts|articles|headlines)|editor'?s picks|"
    r"top stories|don'?t miss|what to read next|recent (?:posts|stories|articles)|keep reading)\s*:?$",
    I,
)
COMMENTS_HEADER = re.compile(
    r"^(?:(?:\d+\s+)?(?:comments?|responses?|replies|reader comments)(?:\s*\(\d+\))?|join the (?:conversation|discussion)|"
    r"(?:show|view|load|read) (?:all )?(?:\d+ )?comments|what do you think\??|discussion)\s*:?$",
    I,
)
RELATED_LINK = re.compile(
    r"^(?:also read|read also|read more|read next|see also|also see|recommended|"
    r"related(?: (?:stories|articles|posts|news|reading|coverage|content|links|topics|videos))?|"
    r"don'?t miss|must read|more|watch|listen|explore more|trending(?: now| stories)?|popular now|most read|"
    r"top stories|latest(?: news| stories)?|editor'?s picks|you (?:may|might) (?:also )?(?:like|enjoy)|"
    r"also on [\w&.'’ -]{1,30}|more (?:from|on|in) [\w&.'’ -]{1,30})\s*:\s*\S",
    I,
)
SYNDICATION = re.compile(r"\bThe post\b.{3,400}?\b(?:appeared|was published) first (?:on|at|in)\s+(?P<pub>[^\n]+?)\s*\.?\s*$", I | re.S)
SYNDICATION_ANYWHERE = re.compile(r"\bThe post\b.{3,400}?\b(?:appeared|was published) first (?:on|at|in)\b", I | re.S)
# Syndication notices: "This article originally appeared on X", "Originally
# published in X", "This story was first published by X", "Reprinted with
# permission from X", "Republished with permission." A "first published"
# needs "this <article>" before it: "First published in 1851, the paper ..."
# is prose.
_SYND_HEAD = (
    r"^(?:this (?:article|story|post|piece|report|column|interview|content|essay|analysis) "
    r"(?:was |is |has been |had been )?(?:originally |first )?|originally |(?=republished|reprinted|reproduced))"
    r"(?:published|appeared|posted|ran|republished|reprinted|reproduced|syndicated|distributed|shared)\b"
)
SYNDICATION_NOTICE = re.compile(
    _SYND_HEAD + r"[^.\n]{0,30}?\b(?:on|in|at|by|from|with (?:the )?(?:kind )?permission|under a creative commons|courtesy of)\b",
    I,
)
ORIGINALLY = re.compile(
    _SYND_HEAD + r"(?:\s+(?:here\s+)?with (?:the )?(?:kind )?permission)?\s+(?:on|in|at|by|from|of|courtesy of)\s+"
    r"(?P<pub>[^\n]+?)\s*\.?$",
    I,
)
# Where a publisher's name ends inside a notice: "X and is republished here
# with permission", "X, a nonprofit newsroom", "X under a Creative Commons
# license", "X (link)". " and " ends a name only before a lower-case word, so
# "Press and Journal" stays whole.
NAME_END = re.compile(
    r",|;|\.(?:\s|$)|\s+\(|\s+[-–—|]\s|\s+and\s+(?=[a-z])|\s+(?:under|with|on|in|as|at|for|where|which|who|"
    r"is|was|has|and is|and was)\s+(?=[a-z])|"
    r"\s+(?:on|in)\s+(?=\d|(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?\s)"
)
# "Source: X", "Via: X", "SOURCE X"; a clip's time may come first ("01:05 - Source: X").
SOURCE_LINE = re.compile(
    r"^(?:\d{1,2}:\d{2}(?::\d{2})?\s*[-–—|]\s*)?"
    r"[*_]*(?:(?i:source|sources|via|courtesy of)[*_]*\s*:|SOURCE\s(?=[A-Z]))[*_]*\s*(?P<rest>.+)$"
)
# Words that outlets' names are made of ("Valley News", "The Daily Courier"): a
# Title Case tail holding one is read as a name, not as part of a headline.
OUTLET_WORDS = frozenset("""
news daily times post herald journal gazette tribune press radio tv television online wire review today standard
courier chronicle observer express mail telegraph record star sun mirror network channel broadcasting media
magazine weekly insider report reporter bulletin digest blog live world local business sport sports
""".split())
HAT_TIP = re.compile(r"^(?:h/t|hat tip|ht)\b", I)
END_MARK = re.compile(r"^(?:#{3}|-\s?30\s?-|\*{3}|[-–—]?\s*ends\s*[-–—]?|end of (?:article|story))$", I)
CONTACT_HEADER = re.compile(r"^(?:media|press|investor|news) (?:contacts?|enquiries|inquiries|relations)\s*:?$", I)
# "Media contact: Jane Doe, jane@example.org", "Press enquiries: 0800 555 0100".
CONTACT_INLINE = re.compile(
    r"^(?:media|press|investor|news) (?:contacts?|enquiries|inquiries|relations)\s*:\s*"
    r"(?=.*(?:[\w.+-]+@[\w-]+\.[\w.]+|\+?\d[\d ()-]{6,}\d))",
    I,
)
MORE_INFO = re.compile(r"^for (?:more|further) (?:information|details),? (?:visit|see|contact|go to|call|please visit)\b", I)
ABOUT_HEADER = re.compile(r"^(?i:about)(?: (?i:the))? (?P<name>[A-Z][\w&.'’-]*(?: (?:[A-Z&][\w&.'’-]*|of|for|and|the|de)){0,6})$")
MD_LINK = re.compile(r"\[(?P<label>[^\]]+)\]\((?P<url>[^)\s]+)\)")
_REUSE = r"(?:reproduction|redistribution|republication|retransmission|rebroadcast|distribution|copying|reuse)"
# Legal lines that travel with a copyright notice, matched at the start of a
# block or sentence (lower-cased): "All rights reserved.", "This material may
# not be published, broadcast, rewritten or redistributed.", "Republication or
# redistribution is prohibited" (a ban on reuse "of this/these/any ...": "of
# the report" is news).
LEGAL_NOTICE = re.compile(
    r"all rights reserved|"
    r"this (?:material|article|content|story|report|work|page)s? (?:may|must|cannot|can ?not|should) not be "
    r"(?:published|reproduced|copied|distributed|redistributed|republished|broadcast|rewritten|used|stored|shared)|"
    r"no part of this (?:material|article|publication|content|story|report|work|site|page)|"
    r"unauthori[sz]ed (?:reproduction|copying|distribution|use|republication)|"
    r"not for (?:redistribution|republication|reproduction|resale|onward (?:distribution|transmission))\b|"
    rf"{_REUSE}(?:(?:,| or|, or| and|, and) {_REUSE})* (?:of (?:this|these|any) [a-z ]{{1,30}}? )?(?:is |are )?"
    r"(?:strictly )?(?:prohibited|forbidden|not permitted)"
)
# Sentences of a legal notice that need not open it: "X content is protected by
# copyright.", "... is prohibited without prior written consent." They are
# furniture only in a block of legal sentences (see clean.legal_block); news
# about a copyright dispute uses the same words among other sentences.
LEGAL_PHRASE = re.compile(
    r"\bprotected by (?:[a-z]+ ){0,2}copyright|\b(?:is|are) copyrighted\b|"
    r"\b(?:copy|content|material|stories|reports|service|feeds?) (?:is|are) (?:only )?(?:supplied|provided|distributed|licensed|syndicated) "
    r"(?:only )?to (?:its )?(?:subscribing|subscribers|licensed|licensees|member|client|partner)\b|"
    r"\b(?:prohibited|forbidden|not permitted) without (?:the )?(?:(?:prior|express|explicit|written) )*(?:permission|consent)\b"
)
# "© 2027 X", "(c) 2027", "Copyright 2027 X", "Copyright © X" - not "Copyright lawyers said".
COPYRIGHT_START = re.compile(r"^(?:©|\(c\)\s*\d{4}|copyright\s*(?:©|\(c\))|copyright\s+\d{4}\b)", I)
# The holder first, in capitals: "Valley Wire © 2027.", "Valley Wire Ltd (c) 2026-2027".
COPYRIGHT_AFTER = re.compile(
    r"^(?P<pub>[A-Z][\w&.'’-]*(?: (?:[A-Z&][\w&.'’-]*|of|and|the)){0,6})\s*(?:©|\([cC]\))\s*\d{4}(?:\s*[-–]\s*\d{4})?\.?$")
COPYRIGHT = re.compile(r"^(?:©|\(c\)|copyright)\s*(?:(?:©|\(c\))\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*)?(?P<pub>[^.\n]{2,60}?)(?:,?\s+\d{4}(?:\s*[-–]\s*\d{4})?)?\.?\s*(?:all rights reserved\.?)?$", I)
DISCLAIMER = re.compile(
    r"^(?:[*_]*)(?:disclaimer|disclosure|legal disclaimer|important notice|risk warning|editorial note: this (?:content|article) is sponsored)\b",
    I,
)
# Hot patterns below are matched against text.lower() without re.I: Python's
# engine is ~10x faster on long alternations without IGNORECASE.
ADVICE_PHRASES = re.compile(
    r"\b(?:informational purposes only|(?:does not|doesn't|do not|should not be) (?:constitute|considered)[^.]{0,40}\badvice|"
    r"not (?:financial|investment|legal) advice|do your own research)\b",
)
WIDGET = re.compile(
    r"^(?:share(?: this(?: article| story| post| page)?| on \w+| via \w+)?|tweet|email|print|"
    r"\d*\s*comments?|(?:leave|post|add|write) (?:a |your )?(?:reply|comment|comments)(?: below| here)?|"
    r"(?:let (?:us|me) know|tell (?:us|me)) what you think(?: in the comments)?(?: below)?|cancel reply|add a comment|"
    r"subscribe(?: now| here| for free| to our newsletter)?|sign up(?: here| now| today| for (?:our |the |free )*newsletters?)?|"
    r"follow us(?: on [\w ,&]+)?|(?:log ?in|sign in|register) to (?:comment|reply|post a comment|join the (?:discussion|conversation))|"
    r"tags?:.*|filed under:?.*|categories:.*|posted in:?.*|click to (?:share|print|email).*|like this:?|"
    r"loading\.*|advertisement|sponsored(?: content| post)?|special offer(?: banner)?|"
    r"(?:promo(?:tion(?:al)?)?|ad|advert) banner|skip to (?:main )?content|back to top|"
    r"share this:?|about sharing|copy link|listen to (?:this|the) (?:article|story)(?: \d+ min(?:utes?)?)?|"
    r"gift (?:this|the) (?:article|story)|save(?: (?:this )?(?:article|story))?|reuse this content|"
    r"(?:this|the) (?:article|story) is (?:more|over) than \d+ (?:years?|months?) old|(?:get|download) (?:the|our) app|"
    r"enter your e-?mail(?: address)?|live(?: updates| blog| coverage)?|topics?:.*|"
    r"story continues(?: below)?|continue reading(?: the main story| below)?|print(?: this)?(?: page| article| story)?|"
    r"report an? (?:error|typo|correction|mistake)|join our [\w ]{1,20}(?:channel|group|community)|"
    r"watch(?: the)? video(?: above| below| here)?|accept(?: all)?(?: cookies)?|manage (?:cookie )?(?:settings|preferences)|"
    r"(?:read )?our (?:privacy|cookie) policy|partner content|paid content|sponsored by [\w &'’.-]{1,40}|"
    r"advertisement\s*[-–—:|]\s*scroll to continue(?: with content)?|send us your (?:news )?(?:tips?|stories|photos)|"
    r"(?:this|the) (?:story|article|post) has been updated|for immediate release|(?:press|news) release|"
    r"embargoed (?:until|for)\b.*|source link|original (?:article|story|link)|reject all|please enable javascript[^.]*|"
    r"(?:i )?(?:agree|disagree|do not agree)|more options|(?:cookie|privacy|consent) (?:settings|options|preferences)|"
    r"you must be logged in to (?:post a )?(?:comment|reply)|jump to|table of contents|up next|next article|"
    r"previous article|premium|exclusive|(?:subscribers?|members) only|start (?:your|a) free trial(?: today)?|"
    r"try \d+ (?:months?|weeks?) for [$€£]\d+|link copied|facebook|twitter|linkedin|whatsapp|telegram|reddit|x|"
    r"(?:story|article) continues below(?: (?:this )?advertisement)?|continue reading(?: below)?|"
    r"scroll to continue(?: with content)?|click here to (?:read|subscribe|download|sign up|learn)[^.]*\.?|"
    r"(?:last )?(?:updated|posted|published):? \d+ (?:seconds?|minutes?|mins?|hours?|days?) ago|"
    r"(?:image|photo|picture|slide) \d+ of \d+|\d+ (?:photos|images)|view (?:gallery|slideshow))[.!]?$",
    I,
)
# "Sponsored: Compare mortgage rates today", "Advertisement | Partner offer".
ADVERT_LABEL = re.compile(r"^(?:sponsored|advertisement|advert|promoted|partner content|paid content|ad)\s*(?::|\||[-–—]\s)\s*\S", I)
ADVERT = re.compile(
    r"^(?:advertisement|advertising|advert|ad|(?:story|article) continues below(?: (?:this )?advertisement)?|"
    r"advertisement\s*[-–—:|]\s*scroll to continue(?: with content)?|scroll to continue with content)[.!]?$",
    I,
)
# A live blog's own furniture: "This page refreshes automatically.", "Latest posts first.",
# "The newest updates are at the top of this page.", "Refresh this page for the
# newest entries, which appear first.", "Pull down to refresh", "5 new updates",
# how its posts are ordered and timed ("Entries are listed in chronological
# order - scroll down to see the latest posts.", "All times are CET.").
_LIVE_ITEMS = r"(?:posts?|updates?|entries|items|events)"
_LIVE_LATEST = rf"scroll (?:down )?(?:for|to see|to read|to get) (?:the )?(?:latest|newest|most recent)(?: {_LIVE_ITEMS})?"
LIVE_NOTICE = re.compile(
    r"^(?:this page (?:updates|refreshes|will update|will refresh) automatically|"
    rf"(?:the )?(?:newest|latest|most recent|oldest)(?: {_LIVE_ITEMS})?(?: (?:are|appear|will appear|come|are shown))? "
    r"(?:first|at the top|on top)(?: of (?:this|the) (?:page|blog|feed))?|"
    rf"{_LIVE_ITEMS} (?:appear|are shown|are posted|are listed|run) (?:in (?:the )?(?:order (?:they happen|they come in|of events)|"
    rf"chronological order)|(?:oldest|newest|latest) first)(?:\s*[:;,–—-]\s*(?:so )?{_LIVE_LATEST})?|{_LIVE_LATEST}|"
    r"(?:all )?times (?:are |shown are |given are )?(?:in )?(?:local|(?-i:[A-Z]{2,4}))(?: time)?"
    r"(?:\s*\((?:utc|gmt)\s*[+−-]\s*\d{1,2}(?::?\d{2})?\))?|"
    rf"refresh (?:this |the )?(?:page )?(?:for|to see|to get) (?:the )?(?:latest|newest|new|more)(?: {_LIVE_ITEMS})?"
    r"(?:,? (?:which|that) (?:appear|are shown|come) (?:first|at the top))?|"
    r"(?:pull|swipe|drag) (?:down )?to (?:refresh|update)|tap (?:here )?to (?:refresh|update)|"
    r"\d+ new (?:updates?|posts?)|auto-?refresh(?: (?:on|off))?|show (?:\d+ )?new (?:updates?|posts?)|key events|pinned post)[.!]?$",
    I,
)
COMMENT_FORM = re.compile(
    r"\b(?:your email address will not be published|required fields are marked|save my name, email|"
    r"notify me of (?:new|follow-up) (?:comments|posts))\b",
)
WIDGET_ROW_WORDS = frozenset(
    "like likes comment comments share restack reply save print email follow subscribe repost bookmark tweet".split()
)
SOCIAL_WORDS = frozenset(
    "share on via this article story post facebook x twitter linkedin whatsapp email e-mail pinterest reddit "
    "telegram print copy link tweet flipboard messenger threads bluesky mastodon sms".split()
)
NEWSLETTER = re.compile(
    r"^(?:get (?:the latest|our newsletter)|join our (?:newsletter|mailing list|community)|"
    r"get (?:[\w'’-]+ ){0,5}(?:newsletter|briefing|bulletin|digest)\b|"
    r"download (?:our|the) app|follow us on|never miss (?:a|an)\b|stay (?:informed|up to date|in the loop)[^.]{0,20}\b(?:newsletter|subscribe))",
    I,
)
# A publisher's app promoted to the reader: "Download the Valley 9 app for
# breaking news alerts", "Get our free app for the latest headlines". The app
# must bring news ("Download the city's app to pay for parking" is a notice).
# The call may follow a sign or a short lead-in that says what the app brings
# ("📲 The day's headlines, first: get our free app for iOS and Android",
# "Alerts for every update: download the X app"); see lines.app_promo.
APP_PLUG = re.compile(
    r"^(?:[^\w\s]\ufe0f?\s*)?(?:(?P<lead>[^.:!?\n]{3,60}):\s+)?"
    r"(?:download|get|install|try) (?:the|our) (?:free )?(?:[\w&'’.-]+ ){0,4}?app\b(?P<after>[^.]{0,80})",
    I,
)
APP_NEWS = re.compile(r"\b(?:news|alerts|headlines|notifications|stories|coverage|forecasts?|live (?:radio|tv|video))\b", I)
# A sign-up button's label left at the end of a promo: "The Friday Ledger:
# market news every week. Sign up" (checked with SIGNUP_OBJECT on the rest).
SIGNUP_BUTTON_END = re.compile(
    r"(?:[.!?:]\s+|\s[|›»→]\s*)(?:sign up|sign me up|subscribe|register|join|join now|join free|"
    r"subscribe (?:now|free|here|today)|sign up (?:now|free|here|today))[.!]?$",
    I,
)
# A sign-up call starting a clause: "Don't miss a match: subscribe to the X
# Weekly", "Start the day smarter ☀️ Sign up for our briefing", "Liked
# this story? Subscribe to X". Its object must be a publication's kind of thing
# ("Sign up for the vaccine at your surgery" is a public notice, kept).
SIGNUP_CALL = re.compile(
    r"(?:^|[:?!.–—]\s+|[\u2190-\u21ff\u2600-\u27bf\u2b00-\u2bff\U0001f000-\U0001faff•·|»›]\ufe0f?\s*)(?:subscribe (?:to|for|now|free)|sign up (?:for|to|now|free|here|today)|"
    r"join (?:our|the) (?:newsletter|mailing list))\b",
    I,
)
SIGNUP_OBJECT = re.compile(
    r"\b(?:newsletters?|briefings?|bulletins?|digest|inbox|e-?mails?|alerts|weekly|daily|monthly|podcasts?|"
    r"edition|our|free|every (?:morning|evening|weekday|week|day|monday|tuesday|wednesday|thursday|friday|saturday|sunday))\b"
    r"|(?i:subscribe to|sign up for) (?:the )?[A-Z]",
)
COOKIE = re.compile(
    r"^(?:we(?: and our (?:\w+ )?(?:partners|vendors))? (?:use|store|set|place|access|read)(?: and (?:access|read|use))? cookies|(?:this|our) (?:site|website) uses cookies|"
    r"by (?:continuing to use|using) (?:this|our) (?:site|website)|we value your privacy|your privacy (?:choices|matters|settings)|"
    r"cookie (?:settings|preferences|policy|consent)|manage (?:your )?(?:cookies|consent)|by clicking [“\"']?accept)",
    I,
)
# A banner naming the site: "Valley Radio uses cookies. Cookie settings |
# Accept" - it speaks to the reader (COOKIE_READER), which
# "The retailer uses cookies to track shoppers, the regulator said" does not.
COOKIE_NAMED = re.compile(r"^[A-Z][\w&.'’-]*(?: (?:[A-Z0-9][\w&.'’-]*|and|of|the)){0,4} uses? cookies\b")
COOKIE_READER = re.compile(r"\b(?:your?|accept(?: all)?|manage cookies|cookie settings)\b", I)
DONATION = re.compile(
    r"\b(?:(?:support|fund|donate to) (?:our|independent|local|quality|this) (?:journalism|reporting|newsroom|work)|"
    r"(?:journalism|reporting) (?:needs|relies on|depends on) (?:your|reader) support|"
    r"if you value (?:our|this) (?:journalism|reporting|work)|consider (?:a donation|donating|a contribution)|"
    r"make a (?:one-off |monthly |small )?(?:donation|contribution) to (?:us|our)|become a (?:supporter|patron))\b",
)
AUTHOR_BIO = re.compile(r"^(?:about the author|author bio|about the writer)\b", I)
# Who writes: a journalist's job title ("senior editor", "transport correspondent").
_ROLE = r"(?:correspondent|reporter|editor|writer|journalist|columnist|contributor|producer|photographer|presenter|critic|bureau chief|blogger)s?"
# "Priya Natarajan is a reporter covering ...", "... is senior editor at X":
# checked against the byline's name.
BIO_VERB = re.compile(
    r"^\s*(?:is (?:a|an|the|our)\b|covers\b|writes\b|reports\b|has (?:been|covered|written|reported)\b|joined\b|"
    rf"was (?:previously|formerly)\b|can be reached\b|previously\b|is (?:[\w'’-]+ ){{0,3}}{_ROLE}\b)"
)
# "Jane Doe is the Courier's transport correspondent.", "Jane Doe covers
# health for the Post.", "Jane Doe is senior editor at the Post.": a
# journalist's bio, checked at the end of the page.
BIO_LINE = re.compile(
    r"^(?P<name>[A-Z][\w.'’-]+(?: (?:[A-Z][\w.'’-]+|de|van|von|da|del|bin)){1,3})\s+"
    rf"(?:is (?i:a|an|the|our)\b[^.]{{0,80}}?\b(?i:{_ROLE})\b|is [A-Z][\w.&'’ -]{{0,40}}?['’]s?\b[^.]{{0,60}}?\b(?i:{_ROLE})\b|"
    rf"is (?:[a-z'’-]+ ){{0,3}}(?i:{_ROLE}) (?:at|for|with|of) (?:the )?[A-Z]|"
    r"(?:covers|writes about|writes on|reports on)\b[^.]{0,80}?\bfor (?:the )?[A-Z]|writes for (?:the )?[A-Z]|has covered\b)"
)
PAYWALL = re.compile(
    r"^(?:subscribe (?:now )?(?:to|and) (?:continue|keep) reading|continue reading with|"
    r"(?:sign in|log ?in|subscribe) to read (?:the )?(?:full|whole|rest of the) (?:article|story)|"
    r"you (?:have|'ve got) \d+ (?:free |more )?(?:articles?|stories|reads?)(?: left| remaining)|"
    r"you(?:'ve| have) (?:read|reached|used)[^.]{0,40}\b(?:free (?:articles?|stories)|article limit|limit)|"
    r"this (?:article|story|content|page|report) is (?:only )?(?:for|available (?:only )?to|exclusive to|reserved for) (?:our )?"
    r"(?:paying |registered |verified |premium )?(?:[a-z]+ ){0,2}?(?:subscribers|members|professionals|account holders)\b|"
    r"already (?:a )?(?:subscriber|member|have an account)\??|"
    r"(?:log ?in|sign in|register|subscribe)(?: (?:or|and) (?:log ?in|sign in|register|subscribe))?(?: (?:now|free|for free|today))? "
    r"to (?:continue|keep) reading|"
    r"create (?:a )?free account to|unlock (?:this|unlimited|full) (?:article|story|access)|"
    r"to continue reading,? (?:please )?(?:subscribe|log ?in|sign in|register))",
    I,
)
STANDARDS_LINE = re.compile(
    r"^(?:our (?:editorial )?standards|editorial standards|corrections policy|ethics policy)\s*:?(?:\s|$)", I,
)
# "(Reporting by A; Editing by B)", "Additional reporting by C in Bergen".
CREDIT_LINE = re.compile(
    r"^(?i:fact[- ]checked|reviewed|medically reviewed|edited|verified|illustrations?|graphics|produced|photographs?) by "
    r"[A-Z][\w.'’-]+(?: (?:[A-Z][\w.'’-]+|and|&))*\.?$",
)
# "Correction: An earlier version of this article said ...": the wrong figure must not become a fact.
CORRECTION_NOTE = re.compile(
    r"^(?:editor'?s note|editors'? note|correction|corrections|clarification|update)\s*[:—–-]\s*"
    r"(?=.{0,200}\b(?:an earlier version|a previous version|earlier versions?|incorrectly|misstated|misspelled|misidentified|"
    r"has been (?:corrected|amended|updated)|was corrected)\b)",
    I | re.S,
)
SIGNUP_TERMS = re.compile(r"^by (?:clicking|signing up|subscribing|submitting|registering)\b.{0,100}\b(?:agree|accept|consent)", I)
CREDITS = re.compile(
    r"^\(?(?:additional|further|with additional) (?:reporting|research) by\b|"
    r"^\(?(?:reporting|writing|editing|research|compiled|produced|graphics|fact-checking|translation|"
    r"photography|video)(?: and \w+)? by\b.*(?:;|\)$|\b(?:writing|editing) by\b)",
    I,
)
# One clause of a reporting credit line: "Reporting by A", "additional
# reporting by B in Halden", "A reporting", "B editing" (see lines.reporting_credit).
_CREDIT_JOB = r"(?:reporting|writing|editing|research|compiled|produced|graphics|fact-checking|translation|photography|video)"
_NAME = r"[A-Z][\w.'’-]+(?: (?:[A-Z][\w.'’-]+|de|van|von|da|del|bin))*"
CREDIT_CLAUSE = re.compile(
    rf"^(?:(?i:additional|further|with additional) )?(?i:{_CREDIT_JOB})(?: (?i:and) \w+)? (?i:by) {_NAME}"
    rf"(?:(?:,| and| &) {_NAME})*(?: (?:in|from|at) {_NAME})?$|"
    rf"^{_NAME}(?:(?:,| and| &) {_NAME})* (?i:{_CREDIT_JOB})(?: (?:in|from|at) {_NAME})?$"
)
BREADCRUMB = re.compile(
    r"^(?:[\w&'’ .-]{1,30}\s*(?:>|›|»|→)\s*){2,}[\w&'’ .-]{1,40}$|^home\s*(?:/|\|)\s*[\w&'’ .-]{1,30}(?:\s*(?:/|\|)\s*[\w&'’ .-]{1,30})*$",
    I,
)
# "Terms of Use | Privacy Policy | Contact Us": site footer links.
FOOTER_WORDS = frozenset(
    "terms of use service conditions privacy policy cookie cookies settings contact us about sitemap site map "
    "accessibility advertise with careers help faq rss the and our newsletters imprint legal notice notices "
    "do not sell my personal information statement".split()
)
CONTACT = re.compile(
    r"^(?:contact|email|e-mail|follow|reach|write to|send|do you have|got a (?:story|tip))\b.{0,120}"
    r"(?:[\w.+-]+@[\w-]+\.[\w.]+|(?:^|\s)@\w{2,})",
    I,
)
FUNDING_NOTE = re.compile(
    r"^this (?:article|story|report|coverage|content|series|project) (?:was|is) (?:produced|supported|funded|made possible|"
    r"part of a series)\b.{0,100}\b(?:support|funding|grant|partnership|funded|sponsor)",
    I,
)
READ_ORIGINAL = re.compile(
    r"^(?:read|view|see) the (?:full|original|complete) (?:story|article|report|post)(?: (?:on|at|in|from)\b[^,;]{0,60}| here)?[.!]?$", I,
)
NAV_WORD = re.compile(
    r"^(?:menu|main menu|open menu|close menu|toggle navigation|navigation|skip navigation|search|sign in|log ?in|"
    r"register|my account|account|sections|all sections|home|close|more|subscribe|sign up|e-?edition|"
    r"newsletters?|podcasts?|video|live tv|watch live)$",
    I,
)
NAV_ITEM = re.compile(r"^[A-Z][\w&'’-]*(?: [\w&'’-]+)?$")
NAV_ROW = re.compile(r"^[\w&'’ -]{1,25}(?:\s+[|•·]\s+[\w&'’ -]{1,25}){2,}$")
ROW_SEPARATOR = re.compile(r"\s+[|•·›]\s+")
# "Sarah Lindqvist" above "Business correspondent", or both on one line.
PERSON_NAME = re.compile(r"^(?P<name>[A-Z][\w.'’-]+(?: (?:[A-Z][\w.'’-]+|de|van|von|da|del|bin)){1,3})$")
ROLE_LINE = re.compile(
    r"^(?:[\w&'’-]+ ){0,4}(?:correspondent|reporter|editor|writer|journalist|columnist|contributor|"
    r"producer|staff writer|bureau chief)s?$",
    I,
)
NAME_IN_PLACE = re.compile(r"^(?P<name>[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){1,2}) in [A-Z][\w.'’ -]{1,30}$")
NAME_AND_ROLE = re.compile(
    r"^(?P<name>[A-Z][\w.'’-]+(?: (?:[A-Z][\w.'’-]+|de|van|von|da|del|bin)){1,3})\s*(?:,|\||–|—| - )\s*"
    r"(?:[\w&'’-]+ ){0,4}(?:correspondent|reporter|editor|writer|journalist|columnist|contributor|producer|bureau chief)s?$",
    I,
)
PAGE_FURNITURE = re.compile(r"(?:^|\s)page \d{1,4} (?:of|/) \d{1,4}$|^(?:page\s+)?[-–—]?\s*\d{1,4}\s*[-–—]?$", I)
INBOX_PLUG = re.compile(r"\b(?:sign up|subscribe) (?:for|to) (?:our|my)\b[^.]{0,40}\bnewsletter|\bconsider (?:becoming a|subscribing|upgrading)|\bbecome a (?:paid )?(?:subscriber|member)\b|\b(?:to|in|into) your inbox\b|\bthanks for reading\b[^.]{0,60}[.!]?\s*subscribe|^thanks for reading\b.{0,80}\bsubscribe")
READING_TIME = re.compile(r"^(?:reading time:?\s*)?\d+\s*(?:-\s*)?(?:min|mins|minutes?)\.?(?:\s+read(?:ing time)?)?$", I)
BYLINE = re.compile(
    r"^(?i:by|written by|words by|story by|posted by|reporting by|report by)(?::\s*|\s+)"
    r"(?P<name>[A-Z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|de|van|von|da|del|bin|al-\w+)){0,4}"
    r"(?:\s+(?:and|&)\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})?)",
)
AUTHOR_LINE = re.compile(r"^(?:author|written by|reporter)\s*:\s*(?P<name>[A-Z][^|,\n]{2,60}?)\s*$", I)
IMAGE_MD = re.compile(r"^(?:\[\s*)?!\[[^\]]*\]\([^)]*\)(?:\]\([^)]*\))?$")
IMAGE_PATH = re.compile(r"^\(?\S*\.(?:jpe?g|png|gif|webp|svg|avif|bmp|tiff?)(?:\?\S*)?\)?$", I)
IMAGE_HTML = re.compile(r"^<(?:img|figure|picture|source)\b[^>]*>$", I)
BARE_URL = re.compile(r"^<?https?://\S+>?$", I)
CAPTION = re.compile(
    r"^(?:photo|photograph|image|picture|illustration|graphic|file photo|featured image|video|pictured)s?"
    r"(?:\s+credits?|\s+caption|\s+source)?\s*(?::|\||©|by\b|courtesy\b|credit\b|(?<=caption),|(?<=source),)",
    I,
)
CREDIT_AT_END = re.compile(
    r"\((?:(?:photo|image|picture|credit|file photo|illustration)s?\s*:?[^()]{0,60}|[A-Z][\w.'’ -]{1,40}/[A-Z][\w.'’ -]{1,40})\)[*_]*$",
    I,
)
# Credit wording anywhere in a short block ("... the bay. (Photo by Sam Ito/Getty Images)"),
# matched with search_words.
CREDIT_WORDS = re.compile(r"AP Photo|/Reuters|/AFP|/Bloomberg|via Getty|Photo by|Image by|Image credit|Photo credit|Courtesy of")
# A picture agency's name is a credit only where it ends the block: "Shutterstock
# shares fell 5% on Tuesday." is news about the agency.
CREDIT_AGENCY_AT_END = re.compile(
    r"\b(?:Getty Images|Shutterstock|iStock(?:photo)?|Unsplash|Pexels|Alamy)\)?[*_]*[.]?$",
)
BOILERPLATE_HEADER = re.compile(
    r"^(?:what(?:'s| is) (?:the|this) (?:story|article|news) about|what (?:happened|you need to know)|"
    r"why (?:it|does it|this) matters?|key (?:takeaways|points|facts|highlights)|the big picture|"
    r"what'?s next|tl;? ?dr|tldr|summary|article summary|highlights|story highlights|in brief|"
    r"at a glance|quick (?:read|take|summary|facts)|in short|the gist|overview)\s*[?:.]?$",
    I,
)
SUMMARY_HEADER = re.compile(
    r"^(?:tl;? ?dr|key (?:takeaways|points|facts|highlights)|summary|article summary|highlights|"
    r"story highlights|in brief|at a glance|quick (?:read|take|summary|facts)|in short|the gist)\s*[?:.]?$",
    I,
)
TICKER_TOKEN = re.compile(
    r"^(?:null|undefined|nan|n/a|--+|usd|eur|usdt|btc|eth|price|prices|logo|live|chart|volume|24h|"
    r"market|cap|change|high|low|[-+]?[$€£]?\d[\d.,]*%?|\(?null\)?|price\(null\)|\(null\))$",
    I,
)
TICKER_WORD = re.compile(r"^(?:[A-Z][A-Z&]{1,13}|[+-−]?[$€£]?\d[\d,.]*[KMB]?|[+-−]?\d[\d.,]*%|[▲▼△▽↑↓]+|\([+-−]?\d[\d.,]*%\))$")
QUOTE_DELAY = re.compile(r"\b(?:quotes? )?delayed(?: by)? (?:at least )?\d+ min(?:ute)?s?\b|\breal-time\b", I)
CHANGE = re.compile(r"[+-−]\d[\d.,]*%|[$€£]\d")
TICKER_STRONG = re.compile(r"\bnull\b|\bundefined\b|\bNaN\b|^-{2,}$|\bprice\b|\bchart\b|\bUSDT?\b", I)
# A time may come before the date ("Published 11:02 EDT, 6 April 2027") or
# after it ("Tue 14 Mar 2027 18.42 GMT"), its zone perhaps given as an offset
# too ("10:00 EET (UTC+2)").
_TIME = r"\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s*[A-Z]{2,4})?(?:\s*\((?:UTC|GMT)\s*[+−-]\s*\d{1,2}(?::?\d{2})?\))?"
# A statement's or release's own date label: "Issued: 6 May 2027, 15:00",
# "For release: 12:30 a.m., Thursday, May 6, 2027".
_ISSUED = r"issued(?: on)?|released(?: on)?|for (?:immediate )?release"
TIME_IN_TEXT = _TIME
DATELINE_PREFIX = re.compile(
    rf"^(?P<label>date|published|publish date|posted|posted on|published on|updated|last updated|"
    rf"updated on|last modified(?: on)?|modified(?: on)?|first published(?: on)?|pubdate|{_ISSUED})\s*[:=\-–—]?\s*(?:on\s+)?"
    rf"(?:{_TIME},?\s+)?(?P<date>{DATE_IN_TEXT})\s*(?:[|•·—–/-]\s*)?",
    I,
)
DATE_SEARCH = re.compile(DATE_IN_TEXT, I)
LIVE_NOTICE_HEADS = ("this page", "newest", "latest", "most recent", "oldest", "the newest", "the latest", "the most",
                     "the oldest", "refresh", "pull", "swipe", "drag", "tap", "auto", "show", "key events",
                     "post", "update", "entries", "items", "events", "scroll", "all times", "times",
                     "pinned") + tuple(str(d) for d in range(10))  # how a LIVE_NOTICE begins (lower-cased)
# What a meta row holds besides dates, times and the byline: "March 6, 2026 · 4 min read · by Jane Doe".
META_ROW_PARTS = re.compile(
    rf"(?i:{DATE_IN_TEXT}|{_TIME}|\b\d+\s*(?:min|mins|minutes?)(?:\s+read)?\b|\b(?:updated|published|posted|first published)\b:?)|"
    r"\b[Bb]y:?\s+[A-Z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|de|van|von|da|del|bin)){0,3}(?:\s+(?:and|&)\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})?"
    r"|[\s·•|,/–—-]+",
)
DATE_ALONE = re.compile(
    rf"^(?:(?P<label>published|posted|updated|last updated|last modified|modified|first published|date|{_ISSUED})\s*(?:on)?\s*:?\s*)?"
    rf"(?:{_TIME},?\s+)?(?P<date>{DATE_IN_TEXT})(?:,?\s*(?:at\s+)?{_TIME})?$",
    I,
)
NEWS_DATELINE = re.compile(
    rf"^[A-Z][A-Z.'’ -]{{2,40}}(?:,\s*[A-Z][A-Za-z.]+(?:\s[A-Z][a-z]+)?)?\s*[,(]\s*(?P<date>{DATE_IN_TEXT})\s*\)?\s*(?:\([A-Za-z ]+\)\s*)?(?:/[\w .-]{{2,40}}/\s*)?[-—–:]",
)
WIRE_DATELINE = re.compile(
    rf"^[A-Z][A-Z.'’ -]{{2,40}}(?:,\s*[A-Z][A-Za-z.]+(?:\s[A-Z][a-z]+)?)?\s*(?:,\s*{DATE_IN_TEXT}\s*)?"
    r"\((?P<pub>[A-Z][\w&.'’ -]{1,40})\)\s*[-—–:]",
)
# "Valley News, 3 May 2027", "TRANSCRIPT – Monday 3 May 2027, 12:00": a name, then the date.
OUTLET_STAMP = re.compile(rf"^[A-Z][\w .&'’-]{{1,40}}?(?:,|\s+[–—-])?\s*(?P<date>{DATE_IN_TEXT})(?:,?\s+(?:at\s+)?{_TIME})?$")
# A time on its own line: a live blog's post stamps ("4:30 p.m.", "10.42 GMT", "Updated 14:05").
TIME_ALONE = re.compile(
    r"^(?:(?:updated|posted|published)\s*:?\s*)?(?:\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?|\d{1,2}\s*[ap]\.?m\.?)"
    r"(?:\s*[A-Z]{2,4})?(?:\s*(?:[-–—|]\s*)?(?:updated|edited))?$",
    I,
)
# A video or audio label: "Watch: Helicopter footage over the valley 01:42", "WATCH: ... (1:42)",
# "Watch the report at six | 02:15", "Video: ...". ("Watch the water levels closely." is prose.)
VIDEO_LABEL = re.compile(
    r"^(?:watch|video|listen|audio)\b(?:\s*:\s*\S.*|.*?[|(\s]\s*\d{1,2}:\d{2}(?::\d{2})?\)?)$",
    I,
)
# Legal boilerplate that closes a company's news release.
FORWARD_LOOKING_HEADER = re.compile(
    r"^(?:(?:cautionary (?:note|statement|language)s? (?:regarding|concerning|about|on) )?forward[- ]looking (?:statements?|information)"
    r"|safe harbou?r statement)\s*:?$",
    I,
)
FORWARD_LOOKING = re.compile(
    r"^(?:this (?:news |press )?(?:release|announcement|document|communication|report)|certain statements in this)\b"
    r"[^.]{0,80}\bforward[- ]looking (?:statements?|information)",
    I,
)
SUMMARY_PREFIX = re.compile(r"^(?:tl;? ?dr|summary|in short|the gist|key takeaway|bottom line)\s*[:\-–—]\s*\S", I)
TRUNCATION = re.compile(r"\[(?:\.\.\.|…)\]|(?:\.\.\.|…)\s*$")
DOMAIN = re.compile(r"\b[a-z0-9][a-z0-9-]{1,62}\.(?:com|net|io|co|org|shop|store|biz|ai|app)\b")
PROMO = re.compile(  # matched with search_words (word boundaries); no \b here, it defeats the literal-prefix scan
    r"leading (?:provider|supplier|manufacturer|source)|established itself|trusted by|number one|#1|"
    r"best[- ]in[- ]class|top[- ]rated|check out|use (?:code|coupon)|discounts?|promo code|special offers?|"
    r"free trial|shop now|order now|learn more at|visit (?:us|our|them)|go-to (?:source|provider|partner)|"
    r"premier (?:provider|supplier|source)|industry[- ]leading|sign up (?:today|now)|buy now",
)
# Phrases that only page furniture uses, so that a sentence holding one is
# furniture even inside a paragraph ("... on Tuesday. Click here to read
# more."). Word boundaries on both sides. The words that news also uses
# ("cookie", "login", "subscribe", "sponsored", "null", "all rights reserved", "privacy policy",
# "terms of use", "will not be published", "download the app", "also read")
# are not here: they are furniture only in a shape (a cookie banner, a
# sign-up call, an "Advertisement" line, a ticker row, a footer row, an
# "Also read:" label), and the rules for those shapes catch them.
FURNITURE_PHRASES = (
    "click here to", "appeared first on", "your email address will not be published",
    "required fields are marked", "download our app", "sign up for our newsletter", "subscribe to our newsletter",
    "share this article", "story continues below",
)
FURNITURE_PHRASE = re.compile(r"\b(?:" + "|".join(re.escape(p) for p in FURNITURE_PHRASES) + r")\b")  # on lower-cased text
FURNITURE_PHRASE_HINT = re.compile("|".join(sorted({re.escape(p.split()[0]) for p in FURNITURE_PHRASES})))  # in every match
PROMO_OPENER = re.compile(r"^(?:speaking of which|on that note|if you(?:'re| are) (?:looking|in the market) for|looking for (?:a|an)\b)", I)
PROMO_LEAD_IN = re.compile(
    r"^for (?:companies|businesses|organi[sz]ations|firms|anyone|those|manufacturers|readers|teams|"
    r"travell?ers|customers|shoppers|buyers|homeowners)\b",
    I,
)
# A subscriber's extra ("Members can read the full text of the ruling in our
# archive."): the publisher's offer, not news; it names a document kind.
SUBSCRIBER_OFFER = re.compile(
    r"^(?:our )?(?:subscribers|members|premium (?:subscribers|members)|registered (?:users|readers)) (?:can|may) "
    r"(?:also )?(?:download|read|access|view|listen to|watch)\b"
    r"(?=[^.]{0,80}\b(?:pdf|full (?:text|report|judgment|remarks|transcript|story|article|version|interview)|"
    r"archive|e-?edition|library)\b)(?![^.]*\b(?:said|says|according to)\b)",
    I,
)
# How the page itself was made: "This transcript is generated by software
# and has not been checked.", "This article was translated by machine."
PRODUCTION_NOTE = re.compile(
    r"^this (?:transcript|translation|summary|text|captions?|subtitles)\b[^.]{0,60}?"
    r"\b(?:automatically|by (?:a )?machine|by software|artificial intelligence|AI|may contain (?:errors|mistakes|inaccuracies))\b|"
    r"^this (?:article|story|report|page) (?:was|has been|is) (?:automatically (?:produced|generated|translated|transcribed)|"
    r"(?:produced|generated|translated|transcribed) (?:automatically|by (?:a )?machine|by (?:an? )?(?:AI|artificial intelligence)))\b",
    I,
)
# A broadcaster's plug for itself: "Tune in on 88.1 FM or on DAB",
# "Radnell Radio is on 97.3 FM and DAB+", "Hear Ana's full interview on The
# Late Show at 10pm". A frequency or the station's own programme is what makes it one.
_FREQUENCY = r"(?:\d{2,3}(?:[.,]\d{1,2})?\s?(?:FM|MHz|AM|kHz|LW|MW)\b|DAB\+?(?!\w))"
STATION_PROMO = re.compile(
    rf"^(?:(?i:listen|tune in)(?: (?i:live|again|now))?\b[^.]{{0,60}}?\b(?:on|at)\s+{_FREQUENCY}|"
    rf"[A-Z][\w&'’.-]*(?: [A-Z0-9][\w&'’.-]*){{0,4}} (?:is|are) (?:also |now )?(?:on|available on|broadcasting on) {_FREQUENCY}|"
    r"(?i:hear|listen to|catch) (?:[\w'’]+ ){0,3}(?i:full )?(?i:report|interview|programme|program|coverage|bulletin|show)s? "
    r"(?i:on) [A-Z][^.]{0,40}\b(?i:from|at|on) \d)"
)
# "Staff reporters Ana Ruiz and Tom Bell contributed from Kelby.", "Ana Ruiz
# contributed reporting from Kelby.": who else worked on the story.
_NAMES = rf"{_NAME}(?:(?:,| and| &) {_NAME})*"
CONTRIBUTED = re.compile(
    rf"^(?:[A-Z][\w&'’.-]* ){{0,3}}?(?:(?i:staff|special|local) )?(?i:reporters?|correspondents?|writers?|journalists?|staff)"
    rf" {_NAMES} contributed(?: (?:reporting|research|to this (?:report|article|story)))?"
    r"(?: (?:from|in) [^\W\d_][\w'’ .-]{0,40})?\.?$|"
    rf"^{_NAMES} contributed (?:reporting|research|to this (?:report|article|story))\b[^.]{{0,60}}\.?$"
)
# A report's schedule: "Next sitrep: 4 May 2027, 18:00.",
# "The next update will be issued at 18:00."
NEXT_ISSUE = re.compile(
    r"^(?:the )?next (?:situation report|sitrep|update|bulletin|briefing note|edition)\b[^.]{0,20}?"
    r"(?::|\b(?:will be (?:issued|published|posted|released)|is (?:due|expected|scheduled)))",
    I,
)
# One item of a blog's meta row: "Posted by Jane Doe in News, Local", "by Jane Doe".
ROW_BYLINE = re.compile(
    r"^(?i:posted |written |words |story )?(?i:by):?\s+[A-Z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|de|van|von|da|del|bin)){0,3}"
    r"(?:\s+(?:and|&)\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})?(?:\s+in\s+[\w&'’ ,-]{1,60})?$"
)
COMMENT_COUNT = re.compile(r"^\d+\s+(?:comments?|responses?|replies)$", I)
# A document's kind on a line of its own, under the issuer's letterhead:
# "Press statement", "STATEMENT", "News release", "Transcript".
DOC_KIND = re.compile(
    r"^(?:(?:(?:press|news|media|joint|official|public) )?(?:statement|release|advisory)|transcript|for immediate release)$", I,
)
DOC_KIND_WORD = re.compile(r"\b(?:statement|release|report|bulletin|advisory|notice|transcript)\b", I)
DOC_KIND_START = re.compile(r"^(?:(?:press|news|media|joint|official|public) )?(?:statement|release|transcript)\b", I)
# A wire story's revision note under the headline: "(Adds quote from harbour
# master)", "(Updates with rescue figures)", "(Recasts, adds quotes)".
WIRE_REVISION = re.compile(
    r"^\((?:adds|updates(?: with)?|recasts|rewrites|changes|corrects|fixes|removes|moves|tops|writes through)\b[^()]{1,120}\)\.?$", I,
)
# A short question that leads into a promo: "Found this useful?", "Liked this story?".
LEAD_QUESTION = re.compile(r"^[^.!?]{1,30}\?\s+(?=[A-Z])")
