"""What the Administrateurs group needs to manage certificates.

``cms.permissions`` grants these to the group; nothing here writes.
"""

ADMINISTRATOR_PERMISSIONS = [
    ("certification", "view_certificate"),
    ("certification", "revoke_certificate"),
    ("certification", "reissue_certificate"),
    ("certification", "add_certificatebatch"),
    ("certification", "add_certificatetemplate"),
    ("certification", "change_certificatetemplate"),
    ("certification", "delete_certificatetemplate"),
]
