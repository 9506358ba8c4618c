"""Messages of the limits that protect Sil (request size)."""

MESSAGES = {
    "error.too_large": {"en": "The upload is larger than Sil accepts ({mb} MB). Nothing was saved; split the file and upload the parts.",
                        "nb": "Filen er større enn Sil tar imot ({mb} MB). Ingenting ble lagret; del filen og last opp delene."},
}
