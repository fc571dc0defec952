package store

import (
	"bytes"
	"context"
	"fmt"
	"math"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"time"

	"asndesk/assets"
	"asndesk/domain"

	bolt "go.etcd.io/bbolt"
)

// Penilaian mandiri sistem merit (issue 7). An assessment is one record in
// bucket merit (id → meritRec JSON): the team, the answers by indicator
// code with their evidence metadata, the rencana perbaikan and the stage.
// Evidence files go through bukti.go, into the same bukti bucket as the
// SKP's bukti dukung, with the same size limit and hash check. Instruments
// are data: the shipped ones are read from assets at run time, imported
// ones are kept in bucket merit_instruments exactly as imported.
//
// Every method takes the actor from the context, reads the assessment in
// its transaction and applies domain.CanMerit to the stored assessment
// (never to what the caller sent); every change appends an audit entry
// (entity "merit", entity id the assessment's) in the same transaction.
// Final locks every write but Unlock (domain.CanMerit: ELOCKED).

// EntityMerit names the merit assessment (and imported instruments) in
// audit entries.
const EntityMerit = "merit"

const (
	msgMeritNotFound = "Penilaian mandiri sistem merit tidak ditemukan; mungkin sudah dihapus."
	maxInstrumentRaw = 4 << 20
	maxReportedIndex = 100
)

// shippedInstrument is an instrument file built into asndesk.
type shippedInstrument struct {
	in  domain.Instrument
	raw []byte
}

// shippedInstruments parses assets.Instruments once. A file that does not
// parse is a build error; it is reported on every call, not hidden.
var shippedInstruments = sync.OnceValues(func() ([]shippedInstrument, error) {
	var out []shippedInstrument
	for _, raw := range assets.Instruments() {
		in, err := domain.ParseInstrument(raw)
		if err != nil {
			return nil, fail(domain.EINTERNAL, "Instrumen bawaan asndesk tidak dapat dibaca; laporkan ke pengembang.", err)
		}
		out = append(out, shippedInstrument{in: in, raw: raw})
	}
	return out, nil
})

// importedInstrument reads an imported instrument (ok=false when none).
func importedInstrument(tx *bolt.Tx, id, version string) (domain.Instrument, []byte, bool, error) {
	b := tx.Bucket(bucketMeritInst)
	if b == nil {
		return domain.Instrument{}, nil, false, nil
	}
	v := b.Get(instKey(id, version))
	if v == nil {
		return domain.Instrument{}, nil, false, nil
	}
	in, err := domain.ParseInstrument(v)
	if err != nil {
		return domain.Instrument{}, nil, false, fail(domain.EINTERNAL, fmt.Sprintf("Instrumen %s versi %s di berkas data "+
			"rusak dan tidak dapat dibaca. Jalankan pemeriksaan database.", id, version), err)
	}
	return in, bytes.Clone(v), true, nil
}

// instrumentIn returns instrument id+version: a shipped one, else an
// imported one; ENOTFOUND when neither exists.
func instrumentIn(tx *bolt.Tx, id, version string) (domain.Instrument, error) {
	shipped, err := shippedInstruments()
	if err != nil {
		return domain.Instrument{}, err
	}
	for _, s := range shipped {
		if s.in.ID == id && s.in.Version == version {
			return s.in, nil
		}
	}
	in, _, ok, err := importedInstrument(tx, id, version)
	if err != nil {
		return domain.Instrument{}, err
	}
	if !ok {
		return domain.Instrument{}, fail(domain.ENOTFOUND, fmt.Sprintf("Instrumen %s versi %s tidak dikenal. "+
			"Pilih instrumen bawaan atau impor berkas instrumennya lebih dulu.", id, version), nil)
	}
	return in, nil
}

// allInstruments is the shipped instruments in asset order, then the
// imported ones by id and version.
func allInstruments(tx *bolt.Tx) ([]domain.Instrument, error) {
	shipped, err := shippedInstruments()
	if err != nil {
		return nil, err
	}
	out := make([]domain.Instrument, 0, len(shipped))
	for _, s := range shipped {
		out = append(out, s.in)
	}
	if b := tx.Bucket(bucketMeritInst); b != nil {
		err := b.ForEach(func(k, v []byte) error {
			id, version, _ := parseInstKey(k)
			in, err := domain.ParseInstrument(v)
			if err != nil {
				return fail(domain.EINTERNAL, fmt.Sprintf("Instrumen %s versi %s di berkas data rusak dan tidak dapat "+
					"dibaca. Jalankan pemeriksaan database.", id, version), err)
			}
			out = append(out, in)
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

// Instruments returns every instrument an assessment may use: the ones
// shipped with asndesk, then those imported into this file (by id and
// version). Any logged-in user may read them.
func (s *Store) Instruments(ctx context.Context) ([]domain.Instrument, error) {
	var out []domain.Instrument
	err := s.read(ctx, "merit instruments", needLogin, func(tx *bolt.Tx, _ domain.Actor) error {
		var err error
		out, err = allInstruments(tx)
		return err
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// Instrument returns one instrument by id and version (ENOTFOUND when
// neither shipped nor imported).
func (s *Store) Instrument(ctx context.Context, id, version string) (domain.Instrument, error) {
	var out domain.Instrument
	err := s.read(ctx, "merit instrument", needLogin, func(tx *bolt.Tx, _ domain.Actor) error {
		var err error
		out, err = instrumentIn(tx, id, version)
		return err
	})
	if err != nil {
		return domain.Instrument{}, err
	}
	return out, nil
}

// msgInstrumentChanged refuses a second file with an id and version that
// already exist with other content.
func msgInstrumentChanged(in domain.Instrument, shipped bool) string {
	where := "sudah diimpor"
	if shipped {
		where = "sudah dibawa asndesk"
	}
	return fmt.Sprintf("Instrumen %s versi %s %s dengan isi yang berbeda. Isi satu versi tidak boleh berubah, karena "+
		"penilaian yang memakainya akan berubah nilainya. Beri nomor versi baru pada berkas (kunci \"version\") lalu impor lagi.",
		in.ID, in.Version, where)
}

// ImportInstrument reads an instrument file (domain.ParseInstrument, which
// validates it), and keeps it in this data file exactly as given, keyed by
// id and version. Admin or Tim Merit (domain.CanCreateMerit). An id and
// version that already exist (shipped or imported) with the same content
// is accepted and changes nothing; with other content it is refused
// (ECONFLICT): a version never changes once assessments may use it.
func (s *Store) ImportInstrument(ctx context.Context, raw []byte) (domain.Instrument, error) {
	const op = "import merit instrument"
	if err := precheck(ctx, op, domain.CanCreateMerit); err != nil {
		return domain.Instrument{}, err
	}
	if len(raw) > maxInstrumentRaw {
		return domain.Instrument{}, boundary(op, fieldErr(domain.EINVALID, "berkas", fmt.Sprintf("Berkas instrumen "+
			"berukuran %s, melebihi batas %s.", formatMB(int64(len(raw))), formatMB(maxInstrumentRaw))))
	}
	in, err := domain.ParseInstrument(raw)
	if err != nil {
		return domain.Instrument{}, boundary(op, err)
	}
	if strings.ContainsRune(in.ID, 0) || strings.ContainsRune(in.Version, 0) {
		return domain.Instrument{}, boundary(op, fail(domain.EINVALID, "Id dan versi instrumen berisi karakter yang tidak sah.", nil))
	}
	raw = bytes.Clone(raw)
	err = s.write(ctx, op, domain.CanCreateMerit, func(tx *bolt.Tx, a domain.Actor) error {
		shipped, err := shippedInstruments()
		if err != nil {
			return err
		}
		for _, s := range shipped {
			if s.in.ID == in.ID && s.in.Version == in.Version {
				if reflect.DeepEqual(s.in, in) {
					return nil
				}
				return fail(domain.ECONFLICT, msgInstrumentChanged(in, true), nil)
			}
		}
		old, _, ok, err := importedInstrument(tx, in.ID, in.Version)
		if err != nil {
			return err
		}
		if ok {
			if reflect.DeepEqual(old, in) {
				return nil
			}
			return fail(domain.ECONFLICT, msgInstrumentChanged(in, false), nil)
		}
		b, err := bucket(tx, bucketMeritInst)
		if err != nil {
			return err
		}
		if err := b.Put(instKey(in.ID, in.Version), raw); err != nil {
			return err
		}
		return appendAudit(tx, a, s.stamp(), domain.AuditEntry{Action: domain.ActionImport, Entity: EntityMerit,
			Summary: []string{fmt.Sprintf("instrumen %s versi %s: %s", in.ID, in.Version, short(in.Title)),
				fmt.Sprintf("status %s, %d aspek, %d indikator, SHA-256 %s", in.Status, len(in.Aspects), len(in.Indicators),
					sha256Hex(raw))}})
	})
	if err != nil {
		return domain.Instrument{}, err
	}
	return in, nil
}

// getMerit reads an assessment; ENOTFOUND when there is none.
func getMerit(tx *bolt.Tx, id uint64) (domain.MeritAssessment, error) {
	b := tx.Bucket(bucketMerit)
	if b == nil || id == 0 {
		return domain.MeritAssessment{}, fail(domain.ENOTFOUND, msgMeritNotFound, nil)
	}
	v := b.Get(idKey(id))
	if v == nil {
		return domain.MeritAssessment{}, fail(domain.ENOTFOUND, msgMeritNotFound, nil)
	}
	a, err := decodeMerit(v)
	if err != nil {
		return domain.MeritAssessment{}, corrupt("penilaian merit", id, err)
	}
	a.ID = id
	return a, nil
}

func putMerit(tx *bolt.Tx, a domain.MeritAssessment) error {
	b, err := bucket(tx, bucketMerit)
	if err != nil {
		return err
	}
	v, err := encodeMerit(a)
	if err != nil {
		return err
	}
	return b.Put(idKey(a.ID), v)
}

// meritFor reads an assessment and checks that the actor may do op to it.
func meritFor(tx *bolt.Tx, a domain.Actor, id uint64, op domain.MeritOp) (domain.MeritAssessment, error) {
	as, err := getMerit(tx, id)
	if err != nil {
		return as, err
	}
	return as, domain.CanMerit(a, as, op)
}

// unitLabel names a unit in audit lines ("instansi" for 0).
func unitLabel(tx *bolt.Tx, id uint64) string {
	if id == 0 {
		return "instansi"
	}
	if ub := tx.Bucket(bucketUnits); ub != nil {
		if v := ub.Get(idKey(id)); v != nil {
			if u, err := decodeUnit(v); err == nil {
				return u.Name
			}
		}
	}
	return "unit #" + strconv.FormatUint(id, 10)
}

// auditMerit appends the entry of a change to assessment as.
func auditMerit(tx *bolt.Tx, a domain.Actor, action string, as domain.MeritAssessment, lines ...string) error {
	head := fmt.Sprintf("penilaian merit %d #%d: %s (%s %s)", as.Year, as.ID, unitLabel(tx, as.UnitID), as.InstrumentID,
		as.InstrumentVersion)
	return appendAudit(tx, a, as.Updated, domain.AuditEntry{Action: action, Entity: EntityMerit, EntityID: as.ID,
		Summary: append([]string{head}, lines...)})
}

// MeritAssessments returns the assessments the actor may view
// (domain.CanMerit, MeritView), by id. Evidence comes as metadata only.
func (s *Store) MeritAssessments(ctx context.Context) ([]domain.MeritAssessment, error) {
	out := []domain.MeritAssessment{}
	err := s.read(ctx, "merit assessments", needLogin, func(tx *bolt.Tx, a domain.Actor) error {
		b := tx.Bucket(bucketMerit)
		if b == nil {
			return nil
		}
		return b.ForEach(func(k, v []byte) error {
			id, _ := parseID(k)
			as, err := decodeMerit(v)
			if err != nil {
				return corrupt("penilaian merit", id, err)
			}
			as.ID = id
			if domain.CanMerit(a, as, domain.MeritView) == nil {
				out = append(out, as)
			}
			return nil
		})
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// MeritAssessment returns one assessment the actor may view.
func (s *Store) MeritAssessment(ctx context.Context, id uint64) (domain.MeritAssessment, error) {
	var out domain.MeritAssessment
	err := s.read(ctx, "merit assessment", needLogin, func(tx *bolt.Tx, a domain.Actor) error {
		var err error
		out, err = meritFor(tx, a, id, domain.MeritView)
		return err
	})
	if err != nil {
		return domain.MeritAssessment{}, err
	}
	return out, nil
}

// checkMeritAccounts checks the people of a team: every member an active
// account holding the Tim Merit role (only they may answer), every
// verifikator an active account.
func checkMeritAccounts(tx *bolt.Tx, team, verifikator []uint64) error {
	for _, id := range team {
		r, ok, err := getAccount(tx, id)
		if err != nil {
			return err
		}
		if !ok || r.Disabled {
			return fieldErr(domain.EINVALID, "tim", fmt.Sprintf("Anggota tim #%d bukan akun aktif.", id))
		}
		if !r.has(domain.RoleTimMerit) {
			return fieldErr(domain.EINVALID, "tim", fmt.Sprintf("Akun %s belum berperan Tim Merit; beri perannya lebih dulu "+
				"di Akun pengguna.", r.Username))
		}
	}
	for _, id := range verifikator {
		r, ok, err := getAccount(tx, id)
		if err != nil {
			return err
		}
		if !ok || r.Disabled {
			return fieldErr(domain.EINVALID, "verifikator", fmt.Sprintf("Verifikator #%d bukan akun aktif.", id))
		}
	}
	return nil
}

// accountNames lists the usernames of ids for audit lines.
func accountNames(tx *bolt.Tx, ids []uint64) string {
	if len(ids) == 0 {
		return "-"
	}
	names := make([]string, len(ids))
	for i, id := range ids {
		names[i] = "#" + strconv.FormatUint(id, 10)
		if r, ok, err := getAccount(tx, id); err == nil && ok {
			names[i] = r.Username
		}
	}
	return strings.Join(names, ", ")
}

func validYear(y int) bool { return y >= 2000 && y <= 2100 }

// checkMeritBasics checks what any stored assessment holds: the year, an
// existing unit (0 = instansi), the survey value and the reported index.
func checkMeritBasics(tx *bolt.Tx, as domain.MeritAssessment) error {
	if !validYear(as.Year) {
		return fieldErr(domain.EINVALID, "tahun", "Tahun penilaian harus antara 2000 dan 2100.")
	}
	if as.UnitID != 0 {
		ub := tx.Bucket(bucketUnits)
		if ub == nil || ub.Get(idKey(as.UnitID)) == nil {
			return fieldErr(domain.EINVALID, "unit", "Unit kerja penilaian tidak ada lagi.")
		}
	}
	if math.IsNaN(as.Survey) || as.Survey < 0 || as.Survey > 1 {
		return fieldErr(domain.EINVALID, "survei", "Nilai survei harus antara 0 dan 1.")
	}
	if len([]rune(as.ReportedIndex)) > maxReportedIndex {
		return fieldErr(domain.EINVALID, "indeks", "Indeks yang dilaporkan terlalu panjang.")
	}
	return validText(as.ReportedIndex)
}

// duplicateMerit finds another assessment of the same year, unit and
// instrument id.
func duplicateMerit(tx *bolt.Tx, as domain.MeritAssessment) (uint64, error) {
	b := tx.Bucket(bucketMerit)
	if b == nil {
		return 0, nil
	}
	var found uint64
	err := b.ForEach(func(k, v []byte) error {
		id, _ := parseID(k)
		o, err := decodeMerit(v)
		if err != nil {
			return corrupt("penilaian merit", id, err)
		}
		if id != as.ID && o.Year == as.Year && o.UnitID == as.UnitID && o.InstrumentID == as.InstrumentID && found == 0 {
			found = id
		}
		return nil
	})
	return found, err
}

// CreateMeritAssessment starts an assessment and returns its id: year,
// unit (0 = the whole instansi), instrument id and version (which must
// exist), team, koordinator and verifikator. Admin or Tim Merit
// (domain.CanCreateMerit). A Tim Merit user who creates one with an empty
// team becomes its koordinator and only member. One assessment per year,
// unit and instrument id (ECONFLICT). It starts in Penilaian mandiri with
// no answers, actions or unlocks, whatever the caller sent.
func (s *Store) CreateMeritAssessment(ctx context.Context, as domain.MeritAssessment) (uint64, error) {
	as.ReportedIndex = strings.TrimSpace(as.ReportedIndex)
	err := s.write(ctx, "create merit assessment", domain.CanCreateMerit, func(tx *bolt.Tx, a domain.Actor) error {
		as.ID, as.Stage, as.Answers, as.Actions, as.Unlocks, as.NextID = 0, domain.StageMandiri, nil, nil, nil, 0
		as.FinalAt, as.FinalBy = time.Time{}, ""
		if err := checkMeritBasics(tx, as); err != nil {
			return err
		}
		in, err := instrumentIn(tx, as.InstrumentID, as.InstrumentVersion)
		if err != nil {
			if domain.ErrorCode(err) == domain.ENOTFOUND {
				return fieldErr(domain.EINVALID, "instrumen", domain.ErrorMessage(err))
			}
			return err
		}
		if in.Score.Composite == nil {
			as.Survey = 0
		}
		if len(as.Team) == 0 && a.AccountID != 0 && a.Has(domain.RoleTimMerit) {
			as.Team, as.Koordinator = []uint64{a.AccountID}, a.AccountID
		}
		if len(as.Team) > 0 || as.Koordinator != 0 || len(as.Verifikator) > 0 {
			if err := domain.ValidateMeritTeam(as.Team, as.Koordinator, as.Verifikator); err != nil {
				return err
			}
			if err := checkMeritAccounts(tx, as.Team, as.Verifikator); err != nil {
				return err
			}
		}
		if dup, err := duplicateMerit(tx, as); err != nil {
			return err
		} else if dup != 0 {
			return fail(domain.ECONFLICT, fmt.Sprintf("Penilaian mandiri %d untuk %s dengan instrumen %s sudah ada (#%d). "+
				"Buka penilaian itu, atau pilih tahun, unit atau instrumen lain.", as.Year, unitLabel(tx, as.UnitID),
				as.InstrumentID, dup), nil)
		}
		b, err := bucket(tx, bucketMerit)
		if err != nil {
			return err
		}
		if as.ID, err = b.NextSequence(); err != nil {
			return err
		}
		now := s.stamp()
		as.Created, as.Updated = now, now
		if err := putMerit(tx, as); err != nil {
			return err
		}
		return auditMerit(tx, a, domain.ActionCreate, as, "tim: "+accountNames(tx, as.Team),
			"koordinator: "+accountNames(tx, nonZero(as.Koordinator)), "verifikator: "+accountNames(tx, as.Verifikator))
	})
	if err != nil {
		return 0, err
	}
	return as.ID, nil
}
