package p
import input.request.headers as h
x := h.auth
