//! The names of the kinds of funding source. A leaf of the catalogue on its own, because
//! the reducer (`ui::state`) names a new source after its kind, and the rest of the
//! catalogue names the state's fields: this way neither imports the other back.

use crate::engine::scenario::SourceKind;
use crate::locale::Lang;

/// A kind of funding source, as users name it.
pub fn source_kind_name(kind: SourceKind, lang: Lang) -> &'static str {
    let (id, en) = match kind {
        SourceKind::ApbdKota => ("APBD kota/kabupaten", "APBD city/regency"),
        SourceKind::ApbdProvinsi => ("APBD provinsi", "APBD province"),
        SourceKind::DanaDesa => ("Dana Desa", "Dana Desa (village fund)"),
        SourceKind::BapakAsuh => ("Bapak asuh (ASN)", "Bapak asuh (ASN sponsors)"),
        SourceKind::Csr => ("CSR", "CSR"),
        SourceKind::Baznas => ("Baznas/zakat", "Baznas/zakat"),
        SourceKind::Other => ("Lainnya", "Other"),
        SourceKind::Dbhcht => (
            "DBH cukai hasil tembakau (DBHCHT)",
            "Tobacco excise revenue share (DBHCHT)",
        ),
        SourceKind::DbhSawit => ("DBH sawit", "Palm-oil revenue share (DBH sawit)"),
    };
    lang.pick(id, en)
}
