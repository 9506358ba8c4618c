% for piece, kind in segs:
% if kind:
<mark class="{{kind}}"><span data-content>{{piece}}</span></mark>\\
% else:
<span data-content>{{piece}}</span>\\
% end
% end
