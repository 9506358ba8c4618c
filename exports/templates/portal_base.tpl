<!DOCTYPE html>
<html lang="{{lang}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{title}} – {{_("portal.site_title")}}</title>
<link rel="stylesheet" href="{{links.css()}}">
<script src="{{links.js()}}" defer></script>
<link rel="alternate" type="application/feed+json" href="{{links.feed_json(lang)}}" title="{{_('portal.json_feed')}}">
<link rel="alternate" type="application/atom+xml" href="{{links.feed_atom(lang)}}" title="{{_('portal.atom_feed')}}">
% for alt_lang, alt_href in alternates:
<link rel="alternate" hreflang="{{alt_lang}}" href="{{alt_href}}">
% end
% if head:
{{!head}}
% end
</head>
<body>
<a class="skip" href="#main">{{_("portal.skip")}}</a>
<header class="site"><div class="wrap">
<a class="brand" href="{{links.index(lang)}}">{{_("portal.site_title")}}</a>
<nav aria-label="{{_('portal.nav_label')}}"><ul>
<li><a href="{{links.index(lang)}}">{{_("portal.all_summaries")}}</a></li>
</ul></nav>
<nav aria-label="{{_('portal.languages')}}" class="languages"><ul>
% for code, name, href, current in switch:
<li><a href="{{href}}" lang="{{code}}" hreflang="{{code}}" {{!'aria-current="true"' if current else ''}}>{{name}}</a></li>
% end
</ul></nav>
</div></header>
<main id="main" class="wrap">
{{!base}}
</main>
<footer class="site"><div class="wrap">
<p>{{_("portal.feeds")}}: <a href="{{links.feed_json(lang)}}">{{_("portal.json_feed")}}</a> ·
<a href="{{links.feed_atom(lang)}}">{{_("portal.atom_feed")}}</a>
(<a href="{{links.feed_json()}}">{{_("publishing.feeds_all")}}</a>)</p>
<p><a href="{{links.statement(lang)}}">{{_("portal.accessibility")}}</a></p>
<p>{{_("portal.made_with")}}</p>
</div></footer>
</body>
</html>
