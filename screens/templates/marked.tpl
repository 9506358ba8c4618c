% for piece, kind in segs:
% if kind:
<mark class="{{kind}}">{{piece}}</mark>\\
% else:
{{piece}}\\
% end
% end
