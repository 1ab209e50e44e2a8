module.exports=[30376,(a,b,c)=>{}];

//# sourceMappingURL=_next-internal_server_app_subprocessors_%5Bslug%5D_page_actions_0hdrq1051wd3r.js.map