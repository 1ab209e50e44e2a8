module.exports=[19019,(a,b,c)=>{}];

//# sourceMappingURL=_next-internal_server_app_subprocessors_page_actions_1o66bfqvyqmt-.js.map