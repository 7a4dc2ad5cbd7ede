//! One component per file. Components get values and callbacks; none holds scenario state.

pub mod budget_ledger;
pub mod chart_card;
pub mod compare_panel;
pub mod embed_generator;
pub mod embed_view;
pub mod enrolment_panel;
pub mod file_panel;
pub mod goal_plan;
pub mod goal_seek;
pub mod groups_panel;
pub mod notices;
pub mod number_field;
pub mod param_info;
pub mod preset_notes;
pub mod print_brief;
pub mod programme_panel;
pub mod region_panel;
pub mod results_table;
pub mod risk_panel;
pub mod saved_panel;
pub mod scenario_field;
pub mod share_panel;
pub mod source_years;
pub mod sources_panel;
pub mod summary_cards;
pub mod target_panel;
