// Package domain holds asndesk's business types and rules: the employee
// profile (PNS, CPNS, PPPK, PPPK Paruh Waktu), identifier checks (NIP, NI PPPK,
// NIK), pangkat/golongan tables, masa kerja, usia and batas usia pensiun.
//
// It imports only the standard library and keeps no package-level mutable
// state: reference tables are returned by functions or kept in constants, so a
// later issue can turn them into versioned, editable data without touching
// callers. Every message meant for users is Bahasa Indonesia.
package domain
