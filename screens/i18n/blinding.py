"""Blinding: the lead's release of a stage's outcomes, what blinded members are told, the archive's warning."""

MESSAGES = {
    "release.title": {"en": "Release outcomes to blinded members", "nb": "Frigi utfall til blindede medlemmer"},
    "release.help": {
        "en": "While blinded, reviewers and communicators see no outcome (which records passed, PRISMA numbers, "
              "team progress) until you release it. Release a stage when it is finished: every record settled. "
              "The records settled now are released; their decisions become final (undo and change come to you); "
              "records settled later wait for the next release. Released outcomes cannot be taken back, and the "
              "release is kept in the audit log.",
        "nb": "Mens prosjektet er blindet, ser vurderere og kommunikatører ingen utfall (hvilke referanser som gikk "
              "videre, PRISMA-tall, teamets framdrift) før du frigir dem. Frigi et trinn når det er ferdig: alle "
              "referanser avgjort. Referansene som er avgjort nå, frigis, og beslutningene på dem blir endelige "
              "(angre og endre går via deg); referanser som avgjøres senere, venter på neste frigivelse. Frigitte "
              "utfall kan ikke trekkes tilbake, og frigivelsen står i revisjonsloggen."},
    "release.count": {"en": "Released so far: {one} at title/abstract, {two} at full text.",
                      "nb": "Frigitt så langt: {one} på tittel/sammendrag, {two} på fulltekst."},
    "release.stage1": {"en": "Release title/abstract outcomes", "nb": "Frigi utfall for tittel/sammendrag"},
    "release.stage2": {"en": "Release full-text outcomes", "nb": "Frigi utfall for fulltekst"},
    "release.done": {"en": "The settled outcomes are released.", "nb": "De avgjorte utfallene er frigitt."},
    "release.waiting": {
        "en": "Screening is blinded: full texts come here when the lead releases the title/abstract outcomes.",
        "nb": "Screeningen er blindet: fulltekster kommer hit når prosjektlederen frigir utfallene for "
              "tittel/sammendrag."},
    "release.blinded_note": {
        "en": "Screening is blinded: the numbers here count your own decisions and the outcomes the lead has "
              "released ({one} at title/abstract, {two} at full text), never what others decided on records "
              "still in progress.",
        "nb": "Screeningen er blindet: tallene her teller dine egne beslutninger og utfallene prosjektlederen har "
              "frigitt ({one} på tittel/sammendrag, {two} på fulltekst), aldri hva andre har bestemt på referanser "
              "som ikke er ferdige."},
    "exports.archive_blinding": {
        "en": "The archive is a full backup: it holds every decision, note and label of every reviewer, blinded "
              "or not, and the audit trail. Only the project lead can make one; keep it where reviewers cannot "
              "read it while screening is blinded.",
        "nb": "Arkivet er en full sikkerhetskopi: det inneholder alle beslutninger, notater og etiketter fra alle "
              "vurderere, blindet eller ikke, og revisjonsloggen. Bare prosjektlederen kan lage det; oppbevar det "
              "der vurdererne ikke kan lese det mens screeningen er blindet."},
    "audit.blinded": {
        "en": "Screening is blinded: reviewers' changes and undos on records still open are left out of this log. "
              "Lifting blinding on the Screening tab (which is logged here) shows them.",
        "nb": "Screeningen er blindet: vurderernes endringer og angringer på referanser som ikke er ferdige, er "
              "utelatt fra loggen. Når du opphever blindingen under Screening (det logges her), vises de."},
    "error.screening.released": {
        "en": "The lead released the outcome of record {record} at stage {stage}, so its decisions are final; "
              "ask the lead to revisit it.",
        "nb": "Prosjektlederen har frigitt utfallet for referanse {record} på trinn {stage}, så beslutningene er "
              "endelige; be prosjektlederen se på den igjen."},
}
