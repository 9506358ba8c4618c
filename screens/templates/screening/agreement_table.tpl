<table class="agreement">
<thead><tr><th scope="col">{{_("agreement.pair")}}</th><th scope="col">{{_("agreement.records")}}</th><th scope="col">{{_("agreement.percent")}}</th><th scope="col">κ</th><th scope="col">{{_("agreement.meaning")}}</th></tr></thead>
<tbody>
% for r in rows:
<tr><td><span data-content>{{r['reviewer_a']}}</span> – <span data-content>{{r['reviewer_b']}}</span></td><td>{{fmt_number(r['records'])}}</td><td>{{fmt_percent(r['percent'], 1, of_100=True)}}</td>
<td>{{'—' if r['kappa'] is None else fmt_number(r['kappa'], 3)}}</td><td>{{_("kappa." + r['interpretation'].replace(' ', '_'))}}</td></tr>
% end
</tbody>
</table>
