% if page['pages'] > 1:
<nav class="pager card" aria-label="{{_('dup.groups_pages')}}">
  % if page['page'] > 1:
  <a rel="prev" href="?{{page_query(page['page'] - 1)}}">{{_("dup.groups_previous")}}</a>
  % end
  <span aria-current="page">{{_("dup.groups_page_of", page=page['page'], pages=page['pages'])}}</span>
  % if page['page'] < page['pages']:
  <a rel="next" href="?{{page_query(page['page'] + 1)}}">{{_("dup.groups_next")}}</a>
  % end
</nav>
% end
