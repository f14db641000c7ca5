package web

import "html/template"

// funcs are the template functions.
var funcs = template.FuncMap{}
