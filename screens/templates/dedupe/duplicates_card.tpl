<section class="card">
<h2>{{_("dup.title")}}</h2>
<p>{{_("dup.summary", removed=removed, waiting=waiting)}}</p>
<a href="{{url('duplicates', project_id=project['id'])}}">{{_("dup.open")}}</a>
</section>
