<h3>{{_("publishing.share_title")}}</h3>
<p class="meta">{{_("publishing.share_help")}}</p>
% if shares["total"]:
<ul>
% for code in ("nb", "nn"):
% st = shares["standards"][code]
<li>{{_("publishing.share_line", standard=_(f"summaries.lang_{code}"), n=st["summaries"], share=round(st["share"] * 100), words=st["words"], word_share=round(st["word_share"] * 100))}}</li>
% end
</ul>
% if shares["meets"]:
<p>{{_("publishing.share_meets")}}</p>
% else:
% low = min(("nb", "nn"), key=lambda c: shares["standards"][c]["share"])
<p><strong>{{_("publishing.share_below", standard=_(f"summaries.lang_{low}"))}}</strong></p>
% end
% else:
<p class="empty">{{_("publishing.share_none")}}</p>
% end
