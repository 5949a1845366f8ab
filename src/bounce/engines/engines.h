#pragma once
// One accessor per format module; each lives in its own file in this folder.
#include "bounce/engine.h"

namespace bg::bounce {

const Engine& exchange2003_engine();
const Engine& exchange2007_engine();
const Engine& office365_engine();
const Engine& outlook_engine();
const Engine& gsuite_engine();
const Engine& google_groups_engine();
const Engine& gmail_engine();
const Engine& yahoo_engine();
const Engine& aol_engine();
const Engine& amazon_workmail_engine();
const Engine& receiving_ses_engine();
const Engine& amazon_ses_engine();
const Engine& sendgrid_engine();
const Engine& zoho_engine();
const Engine& gmx_engine();
const Engine& eins_und_eins_engine();
const Engine& mail_ru_engine();
const Engine& yandex_engine();
const Engine& verizon_engine();
const Engine& bigfoot_engine();
const Engine& biglobe_engine();
const Engine& ezweb_engine();
const Engine& kddi_engine();
const Engine& dragonfly_engine();
const Engine& activehunter_engine();
const Engine& amavis_engine();
const Engine& barracuda_engine();
const Engine& mcafee_engine();
const Engine& surfcontrol_engine();
const Engine& messagelabs_engine();
const Engine& mailmarshal_smtp_engine();
const Engine& interscan_mss_engine();
const Engine& exim_engine();
const Engine& sendmail_engine();
const Engine& postfix_engine();
const Engine& qmail_engine();
const Engine& opensmtpd_engine();
const Engine& courier_engine();
const Engine& domino_engine();
const Engine& notes_engine();
const Engine& apache_james_engine();
const Engine& messaging_server_engine();
const Engine& imail_server_engine();
const Engine& power_mta_engine();
const Engine& mail_foundry_engine();
const Engine& mxlogic_engine();
const Engine& mfilter_engine();
const Engine& fml_engine();
const Engine& x1_engine();
const Engine& x2_engine();
const Engine& x3_engine();
const Engine& x4_engine();
const Engine& x5_engine();
const Engine& x6_engine();
const Engine& v5sendmail_engine();
const Engine& rfc3464_engine();
const Engine& arf_engine();
const Engine& rfc3834_engine();

}  // namespace bg::bounce
