package p

x := [is_string("a"), is_string(1), is_number(1.5), is_boolean(false), is_array([]), is_set(set()), is_object({}), is_null(null), is_array({})]
