extension InterfaceClass {
    /// The interface classes of the Blue Book (IEC 62056-6-2), by class id.
    /// Attribute and method names are the standard's, as listed in
    /// research/spec-notes.md §7 (and §4.5 for Security setup); for the other
    /// classes only the name is given.
    static let catalogue: [UInt16: Entry] = [
        // Parameters and measurement data
        1: Entry("Data", attributes: ["value"]),
        3: Entry("Register", attributes: ["value", "scaler_unit"], methods: ["reset"]),
        4: Entry(
            "Extended register",
            attributes: ["value", "scaler_unit", "status", "capture_time"],
            methods: ["reset"]
        ),
        5: Entry(
            "Demand register",
            attributes: [
                "current_average_value", "last_average_value", "scaler_unit", "status", "capture_time",
                "start_time_current", "period", "number_of_periods",
            ],
            methods: ["reset", "next_period"]
        ),
        6: Entry(
            "Register activation",
            attributes: ["register_assignment", "mask_list", "active_mask"],
            methods: ["add_register", "add_mask", "delete_mask"]
        ),
        7: Entry(
            "Profile generic",
            attributes: [
                "buffer", "capture_objects", "capture_period", "sort_method", "sort_object", "entries_in_use",
                "profile_entries",
            ],
            methods: ["reset", "capture"]
        ),
        26: Entry("Utility tables", attributes: ["table_ID", "length", "buffer"]),
        61: Entry(
            "Register table",
            attributes: ["table_cell_values", "table_cell_definition", "scaler_unit"],
            methods: ["reset", "capture"]
        ),
        62: Entry(
            "Compact data",
            attributes: ["compact_buffer", "capture_objects", "template_id", "template_description", "capture_method"],
            methods: ["reset", "capture"]
        ),
        63: Entry("Status mapping", attributes: ["status_word", "mapping_table"]),

        // Access control and management
        12: Entry(
            "Association SN",
            attributes: ["object_list", "access_rights_list", "security_setup_reference", "user_list", "current_user"],
            methods: [
                "", "", "read_by_logicalname", "get_attributes_&_methods", "change_LLS_secret", "change_HLS_secret",
                "", "reply_to_HLS_authentication",
            ]
        ),
        15: Entry(
            "Association LN",
            attributes: [
                "object_list", "associated_partners_id", "application_context_name", "xDLMS_context_info",
                "authentication_mechanism_name", "LLS_secret", "association_status", "security_setup_reference",
                "user_list", "current_user",
            ],
            methods: [
                "reply_to_HLS_authentication", "change_HLS_secret", "add_object", "remove_object", "add_user",
                "remove_user",
            ]
        ),
        17: Entry("SAP assignment", attributes: ["SAP_assignment_list"], methods: ["connect_logical_device"]),
        18: Entry(
            "Image transfer",
            attributes: [
                "image_block_size", "image_transferred_blocks_status", "image_first_not_transferred_block_number",
                "image_transfer_enabled", "image_transfer_status", "image_to_activate_info",
            ],
            methods: ["image_transfer_initiate", "image_block_transfer", "image_verify", "image_activate"]
        ),
        30: Entry("Data protection"),
        40: Entry(
            "Push setup",
            attributes: [
                "push_object_list", "send_destination_and_method", "communication_window",
                "randomisation_start_interval", "number_of_retries", "repetition_delay", "port_reference",
                "push_client_SAP", "push_protection_parameters", "push_operation_method", "confirmation_parameters",
                "last_confirmation_date_time",
            ],
            methods: ["push"]
        ),
        64: Entry(
            "Security setup",
            attributes: [
                "security_policy", "security_suite", "client_system_title", "server_system_title", "certificates",
            ],
            methods: [
                "security_activate", "key_transfer", "key_agreement", "generate_key_pair",
                "generate_certificate_request", "import_certificate", "export_certificate", "remove_certificate",
            ]
        ),
        122: Entry("Function control"),
        123: Entry("Array manager"),
        124: Entry("Communication port protection"),

        // Time and event bound control
        8: Entry(
            "Clock",
            attributes: [
                "time", "time_zone", "status", "daylight_savings_begin", "daylight_savings_end",
                "daylight_savings_deviation", "daylight_savings_enabled", "clock_base",
            ],
            methods: [
                "adjust_to_quarter", "adjust_to_measuring_period", "adjust_to_minute", "adjust_to_preset_time",
                "preset_adjusting_time", "shift_time",
            ]
        ),
        9: Entry("Script table", attributes: ["scripts"], methods: ["execute"]),
        10: Entry("Schedule", attributes: ["entries"], methods: ["enable/disable", "insert", "delete"]),
        11: Entry("Special days table", attributes: ["entries"], methods: ["insert", "delete"]),
        20: Entry(
            "Activity calendar",
            attributes: [
                "calendar_name_active", "season_profile_active", "week_profile_table_active",
                "day_profile_table_active", "calendar_name_passive", "season_profile_passive",
                "week_profile_table_passive", "day_profile_table_passive", "activate_passive_calendar_time",
            ],
            methods: ["activate_passive_calendar"]
        ),
        21: Entry("Register monitor", attributes: ["thresholds", "monitored_value", "actions"]),
        22: Entry("Single action schedule", attributes: ["executed_script", "type", "execution_time"]),
        65: Entry("Parameter monitor"),
        66: Entry("Measurement data monitoring"),
        67: Entry("Sensor manager"),
        68: Entry("Arbitrator"),
        70: Entry(
            "Disconnect control",
            attributes: ["output_state", "control_state", "control_mode"],
            methods: ["remote_disconnect", "remote_reconnect"]
        ),
        71: Entry(
            "Limiter",
            attributes: [
                "monitored_value", "threshold_active", "threshold_normal", "threshold_emergency",
                "min_over_threshold_duration", "min_under_threshold_duration", "emergency_profile",
                "emergency_profile_group_id_list", "emergency_profile_active", "actions",
            ]
        ),

        // Payment metering
        111: Entry("Account"),
        112: Entry("Credit"),
        113: Entry("Charge"),
        115: Entry("Token gateway"),

        // Local ports and modems
        19: Entry(
            "IEC local port setup",
            attributes: [
                "default_mode", "default_baud", "prop_baud", "response_time", "device_addr", "pass_p1", "pass_p2",
                "pass_w5",
            ]
        ),
        23: Entry(
            "IEC HDLC setup",
            attributes: [
                "comm_speed", "window_size_transmit", "window_size_receive", "max_info_field_length_transmit",
                "max_info_field_length_receive", "inter_octet_time_out", "inactivity_time_out", "device_address",
            ]
        ),
        24: Entry(
            "IEC twisted pair (1) setup",
            attributes: ["secondary_address", "primary_address_list", "tabi_list", "fatal_error"]
        ),
        27: Entry("Modem configuration", attributes: ["comm_speed", "initialization_string", "modem_profile"]),
        28: Entry(
            "Auto answer",
            attributes: ["mode", "listening_window", "status", "number_of_calls", "number_of_rings"]
        ),
        29: Entry(
            "Auto connect",
            attributes: ["mode", "repetitions", "repetition_delay", "calling_window", "destination_list"]
        ),
        45: Entry("GPRS modem setup", attributes: ["APN", "PIN_code", "quality_of_service"]),
        47: Entry(
            "GSM diagnostic",
            attributes: [
                "operator", "status", "cs_attachment", "ps_status", "cell_info", "adjacent_cells", "capture_time",
            ]
        ),
        151: Entry("LTE monitoring"),

        // M-Bus
        25: Entry("M-Bus slave port setup"),
        72: Entry(
            "M-Bus client",
            attributes: [
                "mbus_port_reference", "capture_definition", "capture_period", "primary_address",
                "identification_number", "manufacturer_id", "version", "device_type", "access_number", "status",
                "alarm", "configuration", "encryption_key_status",
            ],
            methods: [
                "slave_install", "slave_deinstall", "capture", "reset_alarm", "synchronize_clock", "data_send",
                "set_encryption_key", "transfer_key",
            ]
        ),
        73: Entry("Wireless Mode Q channel"),
        74: Entry("M-Bus master port setup"),
        76: Entry("DLMS/COSEM server M-Bus port setup"),
        77: Entry("M-Bus diagnostic"),

        // Internet
        41: Entry(
            "TCP-UDP setup",
            attributes: ["TCP-UDP_port", "IP_reference", "MSS", "nb_of_sim_conn", "inactivity_time_out"]
        ),
        42: Entry(
            "IPv4 setup",
            attributes: [
                "DL_reference", "IP_address", "multicast_IP_address", "IP_options", "subnet_mask",
                "gateway_IP_address", "use_DHCP_flag", "primary_DNS_address", "secondary_DNS_address",
            ],
            methods: ["add_mc_IP_address", "delete_mc_IP_address", "get_nbof_mc_IP_addresses"]
        ),
        43: Entry("MAC address setup", attributes: ["MAC_address"]),
        44: Entry("PPP setup", attributes: ["PHY_reference", "LCP_options", "IPCP_options", "PPP_authentication"]),
        46: Entry(
            "SMTP setup",
            attributes: ["server_port", "user_name", "login_password", "server_address", "sender_address"]
        ),
        48: Entry(
            "IPv6 setup",
            attributes: [
                "DL_reference", "address_config_mode", "unicast_IPv6_addresses", "multicast_IPv6_addresses",
                "gateway_IPv6_addresses", "primary_DNS_address", "secondary_DNS_address", "traffic_class",
                "neighbor_discovery_setup",
            ],
            methods: ["add_IPv6_address", "remove_IPv6_address"]
        ),
        100: Entry("NTP setup"),
        152: Entry("CoAP setup"),
        153: Entry("CoAP diagnostic"),

        // S-FSK PLC and LLC
        50: Entry("S-FSK Phy&MAC setup"),
        51: Entry("S-FSK Active initiator"),
        52: Entry("S-FSK MAC synchronization timeouts"),
        53: Entry("S-FSK MAC counters"),
        55: Entry("IEC 61334-4-32 LLC setup"),
        56: Entry("S-FSK Reporting system list"),
        57: Entry("ISO/IEC 8802-2 LLC Type 1 setup"),
        58: Entry("ISO/IEC 8802-2 LLC Type 2 setup"),
        59: Entry("ISO/IEC 8802-2 LLC Type 3 setup"),

        // PRIME NB OFDM PLC
        80: Entry("61334-4-32 LLC SSCS setup"),
        81: Entry("PRIME NB OFDM PLC Physical layer counters"),
        82: Entry("PRIME NB OFDM PLC MAC setup"),
        83: Entry("PRIME NB OFDM PLC MAC functional parameters"),
        84: Entry("PRIME NB OFDM PLC MAC counters"),
        85: Entry("PRIME NB OFDM PLC MAC network administration data"),
        86: Entry("PRIME NB OFDM PLC Application identification"),

        // G3-PLC
        90: Entry("G3-PLC MAC layer counters"),
        91: Entry("G3-PLC MAC setup"),
        92: Entry("G3-PLC 6LoWPAN adaptation layer setup"),
        160: Entry("G3-PLC Hybrid RF MAC layer counters"),
        161: Entry("G3-PLC Hybrid RF MAC setup"),
        162: Entry("G3-PLC Hybrid 6LoWPAN adaptation layer setup"),

        // Wi-SUN
        95: Entry("Wi-SUN setup"),
        96: Entry("Wi-SUN diagnostic"),
        97: Entry("RPL diagnostic"),
        98: Entry("MPL diagnostic"),

        // ZigBee
        101: Entry("ZigBee SAS startup"),
        102: Entry("ZigBee SAS join"),
        103: Entry("ZigBee SAS APS fragmentation"),
        104: Entry("ZigBee network control"),
        105: Entry("ZigBee tunnel setup"),

        // LPWAN
        126: Entry("SCHC-LPWAN setup"),
        127: Entry("SCHC-LPWAN diagnostic"),
        128: Entry("LoRaWAN setup"),
        129: Entry("LoRaWAN diagnostic"),

        // ISO/IEC 14908 and HS-PLC
        130: Entry("ISO/IEC 14908 identification"),
        131: Entry("ISO/IEC 14908 protocol setup"),
        132: Entry("ISO/IEC 14908 protocol status"),
        133: Entry("ISO/IEC 14908 diagnostic"),
        140: Entry("HS-PLC ISO/IEC 12139-1 MAC setup"),
        141: Entry("HS-PLC ISO/IEC 12139-1 CPAS setup"),
        142: Entry("HS-PLC ISO/IEC 12139-1 IP SSAS setup"),
        143: Entry("HS-PLC ISO/IEC 12139-1 HDLC SSAS setup"),
    ]
}
