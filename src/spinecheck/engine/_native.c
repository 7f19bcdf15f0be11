/* The criteria evaluator in C: the same steps as the generated Python code (codegen.py), over
 * the same evaluation state (env.facts, env.out), so that every walk written in Python reads
 * exactly what it would have read. Policy-agnostic: a Program is built from the compiled
 * policy's node table at load; no policy content lives here.
 *
 * Values in env.out are the Python objects True, False, None and UNSET, as the generated code
 * writes them. Inside, 0 is false, 1 true, 2 unknown, -1 an error (a Python exception is set).
 *
 * Steps (callables), each a transcription of one generated function (see codegen.py):
 *   node k      n{k}(env)                 evaluate node k, writing what it visits
 *   scan        s{root}(env) / g{root}    (leaves that hold, those of them the case's own)
 *   ruled       r{root}(out, S, implied)  every reason the root is not met is ruled out
 *   decide      decide_{code}(env)        notes, redirects, exclusions, first pathway met
 *   holding     holding(env)              the pathways of a suggestion search
 *   force       CompiledPolicy.force       complete every node under a root (for the trace)
 *   values      values(env)                the values of some roots, evaluated when unset
 *   best        relevance.best_explanation the most relevant of some pathways not met
 *   suggest     suggest.suggestions        the other codes a pathway supports for the case
 *   program.questions(env, roots, lead)    questions.missing: the facts a pend asks about
 *   program.failing(out, root, texts)      determine._failing_texts: why a pathway is not met
 * The equivalence with the generated Python code is tested node by node and on the golden
 * determinations (tests/engine/test_native.py). */

#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <datetime.h>
#include <stddef.h>
#include <string.h>

enum { K_FACT, K_ALL, K_ANY, K_NOT, K_AT_LEAST };
enum { OP_EQ, OP_NE, OP_GT, OP_GE, OP_LT, OP_LE, OP_IN, OP_NOT_IN, OP_HAS, OP_HAS_ANY, OP_HAS_ALL, OP_HAS_NONE };
enum { S_NODE, S_SCAN, S_RULED, S_DECIDE, S_HOLDING, S_FORCE, S_VALUES, S_BEST, S_SUGGEST };

typedef struct {
    int kind;
    int op;
    int shared;
    Py_ssize_t at_least;
    Py_ssize_t n_children;
    Py_ssize_t *children;
    PyObject *fact;         /* str or NULL */
    PyObject *value_fact;   /* str or NULL */
    PyObject *constant;     /* or NULL */
    PyObject *ruled_out_by; /* str or NULL */
    PyObject *date_test;    /* callable(env) or NULL: the Python test, for what the C one leaves */
    int date_op;            /* date tests: 1 within the span, 2 at least the span ago, 3 more than */
    PyObject *date_parts;   /* date tests: the span, the key of its cutoff in env.cutoffs */
} Node;

/* per node, for the questions walk (questions.py): see set_walk_tables */
typedef struct {
    char is_gate;
    char gate_free;
    Py_ssize_t n_findings, n_gate_or_all, n_gated;
    Py_ssize_t *findings, *gate_or_all, *gated;
} Walk;

typedef struct {
    PyObject_HEAD
    Py_ssize_t size;
    Node *nodes;
    PyObject *unset;
    Walk *walk;          /* NULL until set_walk_tables */
    Py_ssize_t n_dependent; /* the nodes whose result depends on the requested code */
    Py_ssize_t *dependent;
    PyObject *fact_ruler; /* dict: fact -> the blanket statement that rules it out */
    PyObject *fact_ids;   /* dict: a fact a candidate pathway requires -> its id (below) */
    PyObject *fact_names; /* list: id -> fact name */
} ProgramObject;

/* what one evaluation reads and writes */
typedef struct {
    ProgramObject *p;
    PyObject *env;
    PyObject *facts; /* dict */
    PyObject *out;   /* list of p->size */
} Ctx;

static PyObject *str_facts, *str_out, *str_isdisjoint;
static PyObject *str_redirect, *str_exclusion;

static inline PyObject *as_object(int v) {
    return v == 1 ? Py_True : v == 0 ? Py_False : Py_None;
}

/* the value a stored object stands for in the generated code's `is` tests */
static inline int code_of(PyObject *o) {
    return o == Py_True ? 1 : o == Py_False ? 0 : 2;
}

static inline void store(Ctx *c, Py_ssize_t idx, int v) {
    PyObject *old = PyList_GET_ITEM(c->out, idx);
    PyObject *new = as_object(v);
    Py_INCREF(new);
    PyList_SET_ITEM(c->out, idx, new);
    Py_DECREF(old);
}

/* f.get(name): borrowed, NULL when absent (or on error, with the error set) */
static inline PyObject *fact_get(Ctx *c, PyObject *name) {
    PyObject *x = PyDict_GetItemWithError(c->facts, name);
    return x == Py_None ? NULL : x;
}

static int truth_of(PyObject *r) {
    /* a comparison's result as the generated code stores it: True / False objects */
    if (r == NULL) return -1;
    int v = r == Py_True ? 1 : r == Py_False ? 0 : r == Py_None ? 2 : PyObject_IsTrue(r);
    Py_DECREF(r);
    return v;
}

static PyObject *str_cutoffs, *str_cutoff, *str_request_date;

/* days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil) */
static long long days_from_civil(long long y, unsigned m, unsigned d) {
    y -= m <= 2;
    long long era = (y >= 0 ? y : y - 399) / 400;
    unsigned yoe = (unsigned)(y - era * 400);
    unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + (long long)doe - 719468;
}

static long long date_days(PyObject *date) {
    return days_from_civil(PyDateTime_GET_YEAR(date), PyDateTime_GET_MONTH(date), PyDateTime_GET_DAY(date));
}

#define US_PER_DAY 86400000000LL

/* a date test, as compiled._date_test: the fact's day (at its start) against the cutoff the
 * span gives back from the request date (Env.cutoff: calendar arithmetic stays in Python, one
 * implementation; computed once per request and span). Anything but plain dates goes to the
 * Python test itself. */
/* the Python test of date node n (for what the C comparison leaves to it) */
static int python_date_test(Ctx *c, Node *n) {
    return truth_of(PyObject_CallOneArg(n->date_test, c->env));
}

static int date_value(Ctx *c, Node *n) {
    PyObject *x = fact_get(c, n->fact);
    if (x == NULL) return PyErr_Occurred() ? -1 : 2;
    if (!PyDate_CheckExact(x) || n->date_op == 0) return python_date_test(c, n);
    PyObject *cutoffs = PyObject_GetAttr(c->env, str_cutoffs), *cutoff = NULL;
    if (cutoffs == NULL) return -1;
    if (PyDict_CheckExact(cutoffs)) {
        cutoff = PyDict_GetItemWithError(cutoffs, n->date_parts);
        Py_XINCREF(cutoff);
    }
    Py_DECREF(cutoffs);
    if (cutoff == NULL) {
        if (PyErr_Occurred()) return -1;
        cutoff = PyObject_CallMethodOneArg(c->env, str_cutoff, n->date_parts);
        if (cutoff == NULL) return -1;
    }
    if (!PyDateTime_CheckExact(cutoff) || PyDateTime_DATE_GET_TZINFO(cutoff) != Py_None) {
        Py_DECREF(cutoff);
        return python_date_test(c, n);
    }
    long long moment = date_days(x) * US_PER_DAY;
    long long limit = date_days(cutoff) * US_PER_DAY
        + ((PyDateTime_DATE_GET_HOUR(cutoff) * 60LL + PyDateTime_DATE_GET_MINUTE(cutoff)) * 60LL
           + PyDateTime_DATE_GET_SECOND(cutoff)) * 1000000LL + PyDateTime_DATE_GET_MICROSECOND(cutoff);
    Py_DECREF(cutoff);
    if (n->date_op == 2) return moment <= limit; /* the anniversary counts */
    if (n->date_op == 3) return moment < limit;
    if (limit > moment) return 0; /* within the span: on or after the cutoff, and not in the future */
    PyObject *today = PyObject_GetAttr(c->env, str_request_date);
    if (today == NULL) return -1;
    if (!PyDate_CheckExact(today)) {
        Py_DECREF(today);
        return python_date_test(c, n);
    }
    int within = date_days(x) <= date_days(today);
    Py_DECREF(today);
    return within;
}

/* the value of fact test n, not written */
static int leaf_value(Ctx *c, Node *n) {
    if (n->date_test != NULL) return date_value(c, n);
    PyObject *x = fact_get(c, n->fact);
    if (x == NULL) return PyErr_Occurred() ? -1 : 2;
    PyObject *y;
    if (n->value_fact != NULL) {
        y = fact_get(c, n->value_fact);
        if (y == NULL) return PyErr_Occurred() ? -1 : 2;
    } else {
        y = n->constant;
    }
    int r;
    if (n->op <= OP_LE) {
        /* fast paths with the same results as the comparison: yes/no, numbers */
        if (PyBool_Check(x) && PyBool_Check(y)) {
            if (n->op == OP_EQ) return x == y;
            if (n->op == OP_NE) return x != y;
        } else if (PyFloat_CheckExact(x) && PyFloat_CheckExact(y)) {
            double a = PyFloat_AS_DOUBLE(x), b = PyFloat_AS_DOUBLE(y);
            switch (n->op) {
            case OP_EQ: return a == b;
            case OP_NE: return a != b;
            case OP_GT: return a > b;
            case OP_GE: return a >= b;
            case OP_LT: return a < b;
            case OP_LE: return a <= b;
            }
        } else if (x == y && PyUnicode_CheckExact(x)) {
            if (n->op == OP_EQ) return 1;
            if (n->op == OP_NE) return 0;
        }
    }
    switch (n->op) {
    case OP_EQ: return PyObject_RichCompareBool(x, y, Py_EQ);
    case OP_NE: return PyObject_RichCompareBool(x, y, Py_NE);
    case OP_GT: return PyObject_RichCompareBool(x, y, Py_GT);
    case OP_GE: return PyObject_RichCompareBool(x, y, Py_GE);
    case OP_LT: return PyObject_RichCompareBool(x, y, Py_LT);
    case OP_LE: return PyObject_RichCompareBool(x, y, Py_LE);
    case OP_IN: return PySequence_Contains(y, x);
    case OP_NOT_IN: r = PySequence_Contains(y, x); return r < 0 ? -1 : !r;
    case OP_HAS: return PySequence_Contains(x, y);
    case OP_HAS_ALL: return PyObject_RichCompareBool(y, x, Py_LE);
    case OP_HAS_ANY:
    case OP_HAS_NONE:
        r = truth_of(PyObject_CallMethodOneArg(x, str_isdisjoint, y));
        if (r < 0) return -1;
        return n->op == OP_HAS_NONE ? r : !r;
    }
    PyErr_SetString(PyExc_SystemError, "spinecheck native evaluator: unknown operator");
    return -1;
}

static int eval_node(Ctx *c, Py_ssize_t idx);

/* a child: a shared node (a definition) is reused when known, any other is evaluated */
static inline int child(Ctx *c, Py_ssize_t k) {
    if (c->p->nodes[k].shared) {
        PyObject *o = PyList_GET_ITEM(c->out, k);
        if (o != c->p->unset) return code_of(o);
    }
    return eval_node(c, k);
}

/* a root: reused when known, else evaluated (codegen's `evaluate`) */
static inline int root_value(Ctx *c, Py_ssize_t k) {
    PyObject *o = PyList_GET_ITEM(c->out, k);
    if (o != c->p->unset) return code_of(o);
    return eval_node(c, k);
}

static int eval_node(Ctx *c, Py_ssize_t idx) {
    Node *n = &c->p->nodes[idx];
    int v = 2;
    Py_ssize_t i, nc = n->n_children;
    switch (n->kind) {
    case K_FACT:
        v = leaf_value(c, n);
        if (v < 0) return -1;
        break;
    case K_ALL:
    case K_ANY: {
        int decisive = n->kind == K_ANY ? 1 : 0, otherwise = 1 - decisive, unknown = 0;
        for (i = 0; i < nc; i++) {
            v = child(c, n->children[i]);
            if (v < 0) return -1;
            if (i < nc - 1) {
                if (v != otherwise) {
                    if (v == decisive) break;
                    unknown = 1;
                }
            } else if (v != decisive) {
                v = (unknown || v == 2) ? 2 : otherwise;
            }
        }
        break;
    }
    case K_NOT:
        v = child(c, n->children[0]);
        if (v < 0) return -1;
        v = v == 2 ? 2 : !v;
        break;
    case K_AT_LEAST: {
        Py_ssize_t met = 0, unknown = 0;
        for (i = 0; i < nc; i++) {
            v = child(c, n->children[i]);
            if (v < 0) return -1;
            if (v == 1) met++;
            else if (v == 2) unknown++;
        }
        v = met >= n->at_least ? 1 : met + unknown >= n->at_least ? 2 : 0;
        break;
    }
    }
    if (v == 2 && n->ruled_out_by != NULL) {
        PyObject *r = PyDict_GetItemWithError(c->facts, n->ruled_out_by);
        if (r == NULL && PyErr_Occurred()) return -1;
        if (r == Py_True) v = 0;
    }
    store(c, idx, v);
    return v;
}

/* ------------------------------------------------------------------------------------------ */
/* Steps */

typedef struct {
    Py_ssize_t index; /* pathway, note, redirect or exclusion index */
    Py_ssize_t root;  /* -1: none (it always applies) */
    Py_ssize_t n_required;
    Py_ssize_t *required; /* ids (ProgramObject.fact_names) of the facts it requires, rarest first */
    int evaluate;
    PyObject *scan;   /* best: the pathway's leaf scan (a Step) */
    Py_ssize_t n_leaves;
} Entry;

typedef struct {
    PyObject_HEAD
    vectorcallfunc vectorcall;
    int kind;
    ProgramObject *p;
    Py_ssize_t root;
    /* scan: leaves, and whether each is the case's own */
    Py_ssize_t n_leaves;
    Py_ssize_t *leaves;
    char *own;
    /* decide: notes, redirects, exclusions, candidates; holding: candidates */
    Py_ssize_t n_notes, n_redirects, n_exclusions, n_candidates;
    Entry *notes, *redirects, *exclusions, *candidates;
    struct Suggest *suggest; /* suggest: its tables */
} StepObject;

static PyTypeObject StepType;

static int open_env(ProgramObject *p, PyObject *env, Ctx *c) {
    c->p = p;
    c->env = env;
    c->facts = PyObject_GetAttr(env, str_facts);
    if (c->facts == NULL) return -1;
    c->out = PyObject_GetAttr(env, str_out);
    if (c->out == NULL) {
        Py_DECREF(c->facts);
        return -1;
    }
    if (!PyDict_CheckExact(c->facts) || !PyList_CheckExact(c->out) || PyList_GET_SIZE(c->out) != p->size) {
        PyErr_SetString(PyExc_TypeError, "spinecheck native evaluator: env.facts must be a dict and env.out a list "
                                         "of one value per compiled node");
        Py_DECREF(c->facts);
        Py_DECREF(c->out);
        return -1;
    }
    return 0;
}

static void close_env(Ctx *c) {
    Py_DECREF(c->facts);
    Py_DECREF(c->out);
}

/* whether every fact the entry requires is known; known[id] memoizes the answers of one call
 * (-1: not asked yet), as many candidates require the same facts */
static int all_known(Ctx *c, Entry *e, signed char *known) {
    for (Py_ssize_t i = 0; i < e->n_required; i++) {
        Py_ssize_t id = e->required[i];
        if (known[id] < 0) {
            int r = PyDict_Contains(c->facts, PyList_GET_ITEM(c->p->fact_names, id));
            if (r < 0) return -1;
            known[id] = (signed char)r;
        }
        if (!known[id]) return 0;
    }
    return 1;
}

/* the memo of all_known for one call: on the stack when small */
typedef struct {
    signed char small[256];
    signed char *known;
} Known;

static int known_open(Known *k, ProgramObject *p) {
    Py_ssize_t n = PyList_GET_SIZE(p->fact_names);
    k->known = n <= (Py_ssize_t)sizeof(k->small) ? k->small : PyMem_Malloc(n);
    if (k->known == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    memset(k->known, -1, n ? n : 1);
    return 0;
}

static void known_close(Known *k) {
    if (k->known != k->small) PyMem_Free(k->known);
}

static PyObject *step_node(StepObject *s, Ctx *c) {
    int v = eval_node(c, s->root);
    if (v < 0) return NULL;
    return Py_NewRef(as_object(v));
}

/* the leaves of scan s that hold (*met), and those of them the case's own (*mine) */
static int scan_counts(StepObject *s, Ctx *c, Py_ssize_t *met, Py_ssize_t *mine) {
    *met = *mine = 0;
    for (Py_ssize_t i = 0; i < s->n_leaves; i++) {
        Py_ssize_t k = s->leaves[i];
        Node *n = &c->p->nodes[k];
        /* a group: its own value; a fact test: not written (its value when already known is
         * the same as far as holding goes: the ruled-out rule only turns unknown into false) */
        int v = n->kind != K_FACT ? root_value(c, k)
              : PyList_GET_ITEM(c->out, k) != c->p->unset ? code_of(PyList_GET_ITEM(c->out, k))
              : leaf_value(c, n);
        if (v < 0) return -1;
        if (v == 1) {
            (*met)++;
            if (s->own[i]) (*mine)++;
        }
    }
    return 0;
}

static PyObject *step_scan(StepObject *s, Ctx *c) {
    Py_ssize_t met, mine;
    if (scan_counts(s, c, &met, &mine) < 0) return NULL;
    return Py_BuildValue("(nn)", met, mine);
}

static int ruled(ProgramObject *p, PyObject *out, PyObject *status, PyObject *implied, Py_ssize_t idx) {
    Node *n = &p->nodes[idx];
    Py_ssize_t i;
    if (n->ruled_out_by != NULL) return 1;
    switch (n->kind) {
    case K_FACT: return PySequence_Contains(implied, n->fact);
    case K_NOT: return 0;
    case K_ANY: /* every alternative not met is ruled out */
        for (i = 0; i < n->n_children; i++) {
            Py_ssize_t k = n->children[i];
            if (PyList_GET_ITEM(out, k) == Py_True) continue;
            int r = ruled(p, out, status, implied, k);
            if (r <= 0) return r;
        }
        return 1;
    default: { /* all / at_least: some criterion has the status, each that has it is ruled out */
        int some = 0;
        for (i = 0; i < n->n_children && !some; i++) some = PyList_GET_ITEM(out, n->children[i]) == status;
        if (!some) return 0;
        for (i = 0; i < n->n_children; i++) {
            Py_ssize_t k = n->children[i];
            if (PyList_GET_ITEM(out, k) != status) continue;
            int r = ruled(p, out, status, implied, k);
            if (r <= 0) return r;
        }
        return 1;
    }
    }
}

/* evaluate the entries in order until one holds (an entry without a root always does); the
 * values of those before it are appended to values. The position of the one that holds, -1
 * when none does, -2 on an error */
static Py_ssize_t first_holding(Ctx *c, Entry *entries, Py_ssize_t n, PyObject *values) {
    for (Py_ssize_t i = 0; i < n; i++) {
        int v = entries[i].root < 0 ? 1 : root_value(c, entries[i].root);
        if (v < 0) return -2;
        if (v == 1) return i;
        if (PyList_Append(values, as_object(v)) < 0) return -2;
    }
    return -1;
}

/* (notes, (role, index) of the redirect or exclusion that decides or None, redirect values,
 * exclusion values or None, the first pathway met or None): codegen's `decide` */
static PyObject *step_decide(StepObject *s, Ctx *c) {
    PyObject *notes = PyList_New(0), *redirects = PyList_New(0), *exclusions = PyList_New(0);
    PyObject *decision = NULL, *first = NULL, *result = NULL;
    Py_ssize_t i, hit;
    if (notes == NULL || redirects == NULL || exclusions == NULL) goto done;
    for (i = 0; i < s->n_notes; i++) {
        Entry *e = &s->notes[i];
        if (e->root >= 0) {
            int v = root_value(c, e->root);
            if (v < 0) goto done;
            if (v != 1) continue;
        }
        PyObject *index = PyLong_FromSsize_t(e->index);
        int appended = index == NULL ? -1 : PyList_Append(notes, index);
        Py_XDECREF(index);
        if (appended < 0) goto done;
    }
    if ((hit = first_holding(c, s->redirects, s->n_redirects, redirects)) == -2) goto done;
    if (hit >= 0) { /* the exclusions are not reached */
        if ((decision = Py_BuildValue("(On)", str_redirect, s->redirects[hit].index)) != NULL)
            result = PyTuple_Pack(5, notes, decision, redirects, Py_None, Py_None);
        goto done;
    }
    if ((hit = first_holding(c, s->exclusions, s->n_exclusions, exclusions)) == -2) goto done;
    if (hit >= 0) {
        if ((decision = Py_BuildValue("(On)", str_exclusion, s->exclusions[hit].index)) != NULL)
            result = PyTuple_Pack(5, notes, decision, redirects, exclusions, Py_None);
        goto done;
    }
    Known memo;
    if (known_open(&memo, c->p) < 0) goto done;
    for (i = 0; i < s->n_candidates && first == NULL; i++) { /* the first pathway met */
        Entry *e = &s->candidates[i];
        int known = all_known(c, e, memo.known), v = 0;
        if (known > 0) v = root_value(c, e->root);
        if (known < 0 || v < 0 || (v == 1 && (first = PyLong_FromSsize_t(e->index)) == NULL)) {
            known_close(&memo);
            goto done;
        }
    }
    known_close(&memo);
    result = PyTuple_Pack(5, notes, Py_None, redirects, exclusions, first != NULL ? first : Py_None);
done:
    Py_XDECREF(decision);
    Py_XDECREF(first);
    Py_XDECREF(notes);
    Py_XDECREF(redirects);
    Py_XDECREF(exclusions);
    return result;
}

static PyObject *step_holding(StepObject *s, Ctx *c) {
    PyObject *found = PyList_New(0);
    Known memo;
    Py_ssize_t i;
    if (found == NULL) return NULL;
    if (known_open(&memo, c->p) < 0) goto fail;
    for (i = 0; i < s->n_candidates; i++) {
        Entry *e = &s->candidates[i];
        int known = all_known(c, e, memo.known);
        if (known < 0) goto fail;
        if (!known) continue;
        if (e->evaluate) {
            int v = root_value(c, e->root);
            if (v < 0) goto fail;
            if (v != 1) continue;
        }
        PyObject *index = PyLong_FromSsize_t(e->index);
        if (index == NULL || PyList_Append(found, index) < 0) {
            Py_XDECREF(index);
            goto fail;
        }
        Py_DECREF(index);
    }
    known_close(&memo);
    return found;
fail:
    known_close(&memo);
    Py_DECREF(found);
    return NULL;
}

/* every node of the subtree (its nodes in preorder: parents first) not yet evaluated */
static PyObject *step_force(StepObject *s, Ctx *c) {
    for (Py_ssize_t i = 0; i < s->n_leaves; i++) {
        Py_ssize_t k = s->leaves[i];
        if (PyList_GET_ITEM(c->out, k) == c->p->unset && eval_node(c, k) < 0) return NULL;
    }
    Py_RETURN_NONE;
}

/* the values of the roots (stored as the leaves), each evaluated when unset */
static PyObject *step_values(StepObject *s, Ctx *c) {
    PyObject *values = PyList_New(s->n_leaves);
    if (values == NULL) return NULL;
    for (Py_ssize_t i = 0; i < s->n_leaves; i++) {
        int v = root_value(c, s->leaves[i]);
        if (v < 0) {
            Py_DECREF(values);
            return NULL;
        }
        PyList_SET_ITEM(values, i, Py_NewRef(as_object(v)));
    }
    return values;
}

typedef struct {
    Py_ssize_t own;
    double share;
    Py_ssize_t index;
    Py_ssize_t root;
} Ranked;

/* most relevant first: more own criteria met, then a larger share met, then policy order */
static int ranked_order(const void *a, const void *b) {
    const Ranked *x = a, *y = b;
    if (x->own != y->own) return x->own > y->own ? -1 : 1;
    if (x->share != y->share) return x->share > y->share ? -1 : 1;
    return x->index < y->index ? -1 : x->index > y->index ? 1 : 0;
}

/* best(scratch, out, implied): every candidate's leaves scanned in the scratch state, ranked;
 * the first whose condition is present (not only ruled out in ``out``), else the first */
static PyObject *step_best(StepObject *s, Ctx *c, PyObject *out, PyObject *implied) {
    Py_ssize_t n = s->n_candidates, i, best;
    if (n == 0) {
        PyErr_SetString(PyExc_ValueError, "no candidate pathway to explain the result");
        return NULL;
    }
    Ranked *ranked = PyMem_Malloc(n * sizeof(Ranked));
    if (ranked == NULL) return PyErr_NoMemory();
    for (i = 0; i < n; i++) {
        Entry *e = &s->candidates[i];
        Py_ssize_t met;
        if (scan_counts((StepObject *)e->scan, c, &met, &ranked[i].own) < 0) {
            PyMem_Free(ranked);
            return NULL;
        }
        ranked[i].share = e->n_leaves ? (double)met / (double)e->n_leaves : 0.0;
        ranked[i].index = e->index;
        ranked[i].root = e->root;
    }
    qsort(ranked, n, sizeof(Ranked), ranked_order);
    best = ranked[0].index;
    for (i = 0; i < n; i++) {
        PyObject *status = PyList_GET_ITEM(out, ranked[i].root);
        if (status == Py_True) {
            best = ranked[i].index;
            break;
        }
        int only = ruled(s->p, out, status, implied, ranked[i].root);
        if (only < 0) {
            PyMem_Free(ranked);
            return NULL;
        }
        if (!only) {
            best = ranked[i].index;
            break;
        }
    }
    PyMem_Free(ranked);
    return PyLong_FromSsize_t(best);
}

/* ---- suggestions (suggest.py) ----------------------------------------------------------- */

typedef struct {
    Py_ssize_t root; /* -1: always holds */
    int rule;        /* must be ruled out when unknown: 0 no, 1 yes, 2 when suggested */
    int dependent;   /* its result depends on the code */
    int blind_safe;
    PyObject *suggesting; /* rule 2: the scan of the criteria arguing for it (a Step) */
} SItem;

typedef struct {
    PyObject *code;
    Py_ssize_t key; /* its region, modality and contrast, as a state id */
    PyObject *region, *modality, *contrast;
    Py_ssize_t n_items;
    SItem *items; /* its exclusions (always, to suggestions) and redirects, in order */
} SCode;

typedef struct {
    Py_ssize_t index, root;
    int shared, blind_safe;
    Py_ssize_t n_codes, n_views, n_tests;
    Py_ssize_t *codes, *views, *test_node;
    PyObject **test_fact; /* NULL entries: the test compares a constant */
} SCand;

struct Suggest {
    PyObject *holding; /* the holding Step */
    PyObject *force;   /* CompiledPolicy.force */
    PyObject *env_class;
    Py_ssize_t n_pathways, n_codes, n_keys, requested_key;
    SCand **by_pathway; /* NULL: supports only the requested code */
    SCode *codes;
};

static void free_suggest(struct Suggest *g) {
    if (g == NULL) return;
    Py_XDECREF(g->holding);
    Py_XDECREF(g->force);
    Py_XDECREF(g->env_class);
    if (g->by_pathway != NULL) {
        for (Py_ssize_t i = 0; i < g->n_pathways; i++) {
            SCand *c = g->by_pathway[i];
            if (c == NULL) continue;
            PyMem_Free(c->codes);
            PyMem_Free(c->views);
            PyMem_Free(c->test_node);
            if (c->test_fact != NULL)
                for (Py_ssize_t k = 0; k < c->n_tests; k++) Py_XDECREF(c->test_fact[k]);
            PyMem_Free(c->test_fact);
            PyMem_Free(c);
        }
        PyMem_Free(g->by_pathway);
    }
    if (g->codes != NULL) {
        for (Py_ssize_t i = 0; i < g->n_codes; i++) {
            SCode *c = &g->codes[i];
            Py_XDECREF(c->code);
            Py_XDECREF(c->region);
            Py_XDECREF(c->modality);
            Py_XDECREF(c->contrast);
            if (c->items != NULL)
                for (Py_ssize_t k = 0; k < c->n_items; k++) Py_XDECREF(c->items[k].suggesting);
            PyMem_Free(c->items);
        }
        PyMem_Free(g->codes);
    }
    PyMem_Free(g);
}

static PyObject *str_request_region, *str_request_modality, *str_request_contrast;

/* one run of the suggestions for a case */
typedef struct {
    ProgramObject *p;
    struct Suggest *g;
    PyObject *env;      /* the request's own state */
    PyObject **states;  /* by key: Env (new references), the requested one included */
    PyObject *blind;    /* the case without the code, or NULL until needed */
} Run;

static PyObject *copy_unset(ProgramObject *p, PyObject *out) {
    PyObject *copy = PyList_GetSlice(out, 0, p->size);
    if (copy == NULL) return NULL;
    for (Py_ssize_t i = 0; i < p->n_dependent; i++) {
        Py_ssize_t k = p->dependent[i];
        PyObject *old = PyList_GET_ITEM(copy, k);
        PyList_SET_ITEM(copy, k, Py_NewRef(p->unset));
        Py_DECREF(old);
    }
    return copy;
}

/* an Env for the same case with other request facts (the results depending on the code unset) */
static PyObject *derived_env(Run *r, PyObject *facts) {
    PyObject *out = NULL, *date = NULL, *cutoffs = NULL, *old_out = NULL, *env = NULL;
    if ((old_out = PyObject_GetAttr(r->env, str_out)) == NULL) goto done;
    if (!PyList_CheckExact(old_out) || PyList_GET_SIZE(old_out) != r->p->size) {
        PyErr_SetString(PyExc_TypeError, "env.out must be a list of one value per compiled node");
        goto done;
    }
    if ((out = copy_unset(r->p, old_out)) == NULL) goto done;
    if ((date = PyObject_GetAttr(r->env, str_request_date)) == NULL) goto done;
    if ((cutoffs = PyObject_GetAttr(r->env, str_cutoffs)) == NULL) goto done;
    env = PyObject_CallFunctionObjArgs(r->g->env_class, facts, date, out, cutoffs, NULL);
done:
    Py_XDECREF(old_out);
    Py_XDECREF(out);
    Py_XDECREF(date);
    Py_XDECREF(cutoffs);
    return env;
}

static PyObject *env_facts_copy(PyObject *env) {
    PyObject *facts = PyObject_GetAttr(env, str_facts);
    if (facts == NULL) return NULL;
    PyObject *copy = PyDict_Check(facts) ? PyDict_Copy(facts) : NULL;
    if (copy == NULL && !PyErr_Occurred()) PyErr_SetString(PyExc_TypeError, "env.facts must be a dict");
    Py_DECREF(facts);
    return copy;
}

/* the state for code ci (borrowed) */
static PyObject *for_code(Run *r, Py_ssize_t ci) {
    SCode *code = &r->g->codes[ci];
    if (r->states[code->key] != NULL) return r->states[code->key];
    PyObject *facts = env_facts_copy(r->env);
    if (facts == NULL) return NULL;
    if (PyDict_SetItem(facts, str_request_region, code->region) < 0
        || PyDict_SetItem(facts, str_request_modality, code->modality) < 0
        || PyDict_SetItem(facts, str_request_contrast, code->contrast) < 0) {
        Py_DECREF(facts);
        return NULL;
    }
    r->states[code->key] = derived_env(r, facts);
    Py_DECREF(facts);
    return r->states[code->key];
}

/* the case with the code unknown (borrowed) */
static PyObject *blind_state(Run *r) {
    if (r->blind != NULL) return r->blind;
    PyObject *facts = env_facts_copy(r->env);
    if (facts == NULL) return NULL;
    PyObject *names[3] = {str_request_region, str_request_modality, str_request_contrast};
    for (int i = 0; i < 3; i++) {
        int present = PyDict_Contains(facts, names[i]);
        if (present < 0 || (present && PyDict_DelItem(facts, names[i]) < 0)) {
            Py_DECREF(facts);
            return NULL;
        }
    }
    r->blind = derived_env(r, facts);
    Py_DECREF(facts);
    return r->blind;
}

/* root's value in state (reused when known); *evaluated tells whether it was evaluated now */
static int value_in(Run *r, PyObject *state, Py_ssize_t root, int *evaluated) {
    Ctx c;
    if (state == NULL || open_env(r->p, state, &c) < 0) return -1;
    PyObject *o = PyList_GET_ITEM(c.out, root);
    int v;
    if (o != r->p->unset) {
        v = code_of(o);
        if (evaluated) *evaluated = 0;
    } else {
        v = eval_node(&c, root);
        if (evaluated) *evaluated = 1;
    }
    close_env(&c);
    return v;
}

/* _States.value: without the code when that is final, else in the code's own state */
static int code_value(Run *r, Py_ssize_t ci, Py_ssize_t root, int blind_safe) {
    if (blind_safe) {
        int v = value_in(r, blind_state(r), root, NULL);
        if (v != 2) return v;
    }
    return value_in(r, for_code(r, ci), root, NULL);
}

/* holds_approval: whether the unknown item must be settled before approving */
static int holds_approval(Run *r, PyObject *state, SItem *item) {
    if (item->rule == 0) return 0;
    if (item->rule == 1 || item->root < 0) return 1;
    if (state == NULL) return -1;
    PyObject *done = PyObject_CallFunction(r->g->force, "On", state, item->root);
    if (done == NULL) return -1;
    Py_DECREF(done);
    Ctx c;
    Py_ssize_t met, mine;
    if (open_env(r->p, state, &c) < 0) return -1;
    int counted = scan_counts((StepObject *)item->suggesting, &c, &met, &mine);
    close_env(&c);
    return counted < 0 ? -1 : met > 0;
}

/* not_excluded: no exclusion holds (or must first be ruled out), no redirect applies */
static int not_excluded(Run *r, Py_ssize_t ci) {
    SCode *code = &r->g->codes[ci];
    for (Py_ssize_t k = 0; k < code->n_items; k++) {
        SItem *item = &code->items[k];
        int v, held;
        if (item->root < 0) return 0;
        if (item->dependent) {
            if ((v = code_value(r, ci, item->root, item->blind_safe)) < 0) return -1;
            if (v == 1) return 0;
            if (v == 2) {
                if ((held = holds_approval(r, for_code(r, ci), item)) != 0) return held < 0 ? -1 : 0;
            }
            continue;
        }
        if ((v = value_in(r, r->env, item->root, NULL)) < 0) return -1;
        if (v == 1) return 0;
        if (v == 2 && (held = holds_approval(r, r->env, item)) != 0) return held < 0 ? -1 : 0;
    }
    return 1;
}

/* no test of the code under the candidate read it in state */
static int code_unread(Run *r, PyObject *state, SCand *cand) {
    Ctx c;
    if (open_env(r->p, state, &c) < 0) return -1;
    int unread = 1;
    for (Py_ssize_t t = 0; t < cand->n_tests && unread; t++) {
        if (PyList_GET_ITEM(c.out, cand->test_node[t]) == r->p->unset) continue;
        if (cand->test_fact[t] == NULL) {
            unread = 0;
        } else {
            PyObject *x = fact_get(&c, cand->test_fact[t]);
            if (x == NULL && PyErr_Occurred()) unread = -1;
            else if (x != NULL) unread = 0;
        }
    }
    close_env(&c);
    return unread;
}

static PyObject *step_suggest(StepObject *s, PyObject *env) {
    struct Suggest *g = s->suggest;
    Run r = {s->p, g, env, PyMem_Calloc(g->n_keys ? g->n_keys : 1, sizeof(PyObject *)), NULL};
    Py_ssize_t *found_i = PyMem_Malloc((g->n_codes ? g->n_codes : 1) * sizeof(Py_ssize_t));
    PyObject **found_state = PyMem_Calloc(g->n_codes ? g->n_codes : 1, sizeof(PyObject *));
    Py_ssize_t *order = PyMem_Malloc((g->n_codes ? g->n_codes : 1) * sizeof(Py_ssize_t)), n_found = 0;
    signed char *verdicts = NULL;
    PyObject *holding = NULL, *result = NULL;
    if (r.states == NULL || found_i == NULL || found_state == NULL || order == NULL) {
        PyErr_NoMemory();
        goto done;
    }
    r.states[g->requested_key] = Py_NewRef(env);
    for (Py_ssize_t i = 0; i < g->n_codes; i++) found_i[i] = -1;
    holding = PyObject_CallOneArg(g->holding, env);
    if (holding == NULL) goto done;
    if (!PyList_Check(holding)) {
        PyErr_SetString(PyExc_TypeError, "holding must give a list of pathway indices");
        goto done;
    }
    for (Py_ssize_t h = 0; h < PyList_GET_SIZE(holding); h++) {
        Py_ssize_t i = PyLong_AsSsize_t(PyList_GET_ITEM(holding, h));
        if (i == -1 && PyErr_Occurred()) goto done;
        if (i < 0 || i >= g->n_pathways || g->by_pathway[i] == NULL) continue; /* only the requested code */
        SCand *cand = g->by_pathway[i];
        if (cand->shared) { /* holds whatever the code: in the request's own state */
            for (Py_ssize_t k = 0; k < cand->n_codes; k++) {
                Py_ssize_t ci = cand->codes[k];
                if (found_i[ci] >= 0) continue;
                int ok = not_excluded(&r, ci);
                if (ok < 0) goto done;
                if (ok) {
                    found_i[ci] = i;
                    found_state[ci] = Py_NewRef(env);
                    order[n_found++] = ci;
                }
            }
            continue;
        }
        if (cand->blind_safe) { /* not met even without the code: not met for any code */
            int v = value_in(&r, blind_state(&r), cand->root, NULL);
            if (v < 0) goto done;
            if (v == 0) continue;
        }
        PyMem_Free(verdicts);
        verdicts = PyMem_Malloc(cand->n_views ? cand->n_views : 1);
        if (verdicts == NULL) {
            PyErr_NoMemory();
            goto done;
        }
        memset(verdicts, -1, cand->n_views ? cand->n_views : 1);
        for (Py_ssize_t k = 0; k < cand->n_codes; k++) {
            Py_ssize_t ci = cand->codes[k];
            if (found_i[ci] >= 0) continue;
            int v = verdicts[cand->views[k]];
            if (v < 0) {
                PyObject *state = for_code(&r, ci);
                int evaluated;
                if ((v = value_in(&r, state, cand->root, &evaluated)) < 0) goto done;
                if (evaluated && v != 1) {
                    int unread = code_unread(&r, state, cand);
                    if (unread < 0) goto done;
                    if (unread) break; /* decided without reading the code: not met for any code */
                }
                verdicts[cand->views[k]] = (signed char)v;
            }
            if (v != 1) continue;
            PyObject *state = for_code(&r, ci);
            if (value_in(&r, state, cand->root, NULL) < 0) goto done; /* its trace is read in its own state */
            int ok = not_excluded(&r, ci);
            if (ok < 0) goto done;
            if (ok) {
                found_i[ci] = i;
                found_state[ci] = Py_NewRef(state);
                order[n_found++] = ci;
            }
        }
    }
    result = PyList_New(n_found);
    if (result == NULL) goto done;
    for (Py_ssize_t k = 0; k < n_found; k++) {
        Py_ssize_t ci = order[k];
        PyObject *item = Py_BuildValue("(OnO)", g->codes[ci].code, found_i[ci], found_state[ci]);
        if (item == NULL) {
            Py_CLEAR(result);
            goto done;
        }
        PyList_SET_ITEM(result, k, item);
    }
done:
    Py_XDECREF(holding);
    PyMem_Free(verdicts);
    if (r.states != NULL)
        for (Py_ssize_t k = 0; k < g->n_keys; k++) Py_XDECREF(r.states[k]);
    PyMem_Free(r.states);
    Py_XDECREF(r.blind);
    if (found_state != NULL)
        for (Py_ssize_t k = 0; k < g->n_codes; k++) Py_XDECREF(found_state[k]);
    PyMem_Free(found_state);
    PyMem_Free(found_i);
    PyMem_Free(order);
    return result;
}

static PyObject *step_call(PyObject *self, PyObject *const *args, size_t nargsf, PyObject *kwnames) {
    StepObject *s = (StepObject *)self;
    Py_ssize_t nargs = PyVectorcall_NARGS(nargsf);
    if (s->kind == S_RULED) {
        if (nargs != 3 || kwnames != NULL || !PyList_CheckExact(args[0]) || PyList_GET_SIZE(args[0]) != s->p->size) {
            PyErr_SetString(PyExc_TypeError, "ruled-out check takes (out, status, implied)");
            return NULL;
        }
        int r = ruled(s->p, args[0], args[1], args[2], s->root);
        return r < 0 ? NULL : Py_NewRef(r ? Py_True : Py_False);
    }
    if (s->kind == S_BEST) {
        if (nargs != 3 || kwnames != NULL || !PyList_CheckExact(args[1]) || PyList_GET_SIZE(args[1]) != s->p->size) {
            PyErr_SetString(PyExc_TypeError, "best takes (scratch env, out, implied)");
            return NULL;
        }
        Ctx c;
        if (open_env(s->p, args[0], &c) < 0) return NULL;
        PyObject *result = step_best(s, &c, args[1], args[2]);
        close_env(&c);
        return result;
    }
    if (nargs != 1 || kwnames != NULL) {
        PyErr_SetString(PyExc_TypeError, "a compiled step takes one argument, the evaluation state (env)");
        return NULL;
    }
    if (s->kind == S_SUGGEST) return step_suggest(s, args[0]);
    Ctx c;
    if (open_env(s->p, args[0], &c) < 0) return NULL;
    PyObject *result = NULL;
    switch (s->kind) {
    case S_NODE: result = step_node(s, &c); break;
    case S_SCAN: result = step_scan(s, &c); break;
    case S_DECIDE: result = step_decide(s, &c); break;
    case S_HOLDING: result = step_holding(s, &c); break;
    case S_FORCE: result = step_force(s, &c); break;
    case S_VALUES: result = step_values(s, &c); break;
    }
    close_env(&c);
    return result;
}

static void free_entries(Entry *entries, Py_ssize_t n) {
    if (entries == NULL) return;
    for (Py_ssize_t i = 0; i < n; i++) {
        PyMem_Free(entries[i].required);
        Py_XDECREF(entries[i].scan);
    }
    PyMem_Free(entries);
}

static void free_suggest(struct Suggest *g);

static void step_dealloc(StepObject *s) {
    free_suggest(s->suggest);
    Py_XDECREF(s->p);
    PyMem_Free(s->leaves);
    PyMem_Free(s->own);
    free_entries(s->notes, s->n_notes);
    free_entries(s->redirects, s->n_redirects);
    free_entries(s->exclusions, s->n_exclusions);
    free_entries(s->candidates, s->n_candidates);
    Py_TYPE(s)->tp_free((PyObject *)s);
}

static PyTypeObject StepType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "spinecheck.engine._native.Step",
    .tp_doc = "One compiled step of a policy's evaluation (see codegen.py for its Python twin).",
    .tp_basicsize = sizeof(StepObject),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_VECTORCALL,
    .tp_dealloc = (destructor)step_dealloc,
    .tp_call = PyVectorcall_Call,
    .tp_vectorcall_offset = offsetof(StepObject, vectorcall),
};

static StepObject *new_step(ProgramObject *p, int kind, Py_ssize_t root) {
    if (root < -1 || root >= p->size) {
        PyErr_Format(PyExc_IndexError, "node %zd is not in the compiled policy (%zd nodes)", root, p->size);
        return NULL;
    }
    StepObject *s = PyObject_New(StepObject, &StepType);
    if (s == NULL) return NULL;
    s->vectorcall = step_call;
    s->kind = kind;
    s->p = (ProgramObject *)Py_NewRef(p);
    s->root = root;
    s->n_leaves = s->n_notes = s->n_redirects = s->n_exclusions = s->n_candidates = 0;
    s->leaves = NULL;
    s->own = NULL;
    s->notes = s->redirects = s->exclusions = s->candidates = NULL;
    s->suggest = NULL;
    return s;
}

/* ------------------------------------------------------------------------------------------ */
/* Program */

static int check_index(ProgramObject *p, Py_ssize_t k) {
    if (k < 0 || k >= p->size) {
        PyErr_Format(PyExc_IndexError, "node %zd is not in the compiled policy (%zd nodes)", k, p->size);
        return -1;
    }
    return 0;
}

static PyObject *optional(PyObject *o) {
    return o == Py_None ? NULL : Py_NewRef(o);
}

static void program_clear_walk(ProgramObject *p) {
    if (p->walk == NULL) return;
    for (Py_ssize_t i = 0; i < p->size; i++) {
        PyMem_Free(p->walk[i].findings);
        PyMem_Free(p->walk[i].gate_or_all);
        PyMem_Free(p->walk[i].gated);
    }
    PyMem_Free(p->walk);
    p->walk = NULL;
}

static void program_clear_nodes(ProgramObject *p) {
    program_clear_walk(p);
    if (p->nodes == NULL) return;
    for (Py_ssize_t i = 0; i < p->size; i++) {
        Node *n = &p->nodes[i];
        PyMem_Free(n->children);
        Py_XDECREF(n->fact);
        Py_XDECREF(n->value_fact);
        Py_XDECREF(n->constant);
        Py_XDECREF(n->ruled_out_by);
        Py_XDECREF(n->date_test);
        Py_XDECREF(n->date_parts);
    }
    PyMem_Free(p->nodes);
    p->nodes = NULL;
}

/* Program(nodes, unset): nodes is a list of (kind, children, at_least, fact, op, constant,
 * value_fact, ruled_out_by, date test or None, shared), kinds and ops as integers (see native.py);
 * a date test is (the Python test, 1 within / 2 at least ago / 3 more than ago, the span) */
static int program_init(ProgramObject *p, PyObject *args, PyObject *kwds) {
    PyObject *specs, *unset;
    if (!PyArg_ParseTuple(args, "O!O", &PyList_Type, &specs, &unset)) return -1;
    if (p->nodes != NULL) { /* its steps index its node table: it never changes */
        PyErr_SetString(PyExc_RuntimeError, "a Program is initialized once");
        return -1;
    }
    Py_XSETREF(p->unset, Py_NewRef(unset));
    p->size = PyList_GET_SIZE(specs);
    p->nodes = PyMem_Calloc(p->size ? p->size : 1, sizeof(Node));
    if (p->nodes == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    for (Py_ssize_t i = 0; i < p->size; i++) {
        Node *n = &p->nodes[i];
        PyObject *children, *fact, *constant, *value_fact, *ruled_out_by, *date_test, *date_parts = NULL;
        int kind, op, shared;
        Py_ssize_t at_least;
        if (!PyArg_ParseTuple(PyList_GET_ITEM(specs, i), "iO!nOiOOOOp;a node spec is (kind, children, at_least, "
                              "fact, op, constant, value_fact, ruled_out_by, date_test, shared)",
                              &kind, &PyTuple_Type, &children, &at_least, &fact, &op, &constant, &value_fact,
                              &ruled_out_by, &date_test, &shared))
            return -1;
        if (kind < K_FACT || kind > K_AT_LEAST || op < OP_EQ || op > OP_HAS_NONE) {
            PyErr_Format(PyExc_ValueError, "node %zd: unknown kind or operator", i);
            return -1;
        }
        n->kind = kind;
        n->op = op;
        n->shared = shared;
        n->at_least = at_least;
        n->n_children = PyTuple_GET_SIZE(children);
        if ((kind == K_FACT) != (n->n_children == 0) || (kind == K_NOT && n->n_children != 1)) {
            PyErr_Format(PyExc_ValueError, "node %zd: wrong number of children for its kind", i);
            return -1;
        }
        n->children = PyMem_Malloc((n->n_children ? n->n_children : 1) * sizeof(Py_ssize_t));
        if (n->children == NULL) {
            PyErr_NoMemory();
            return -1;
        }
        for (Py_ssize_t j = 0; j < n->n_children; j++) {
            n->children[j] = PyLong_AsSsize_t(PyTuple_GET_ITEM(children, j));
            if (n->children[j] == -1 && PyErr_Occurred()) return -1;
            if (check_index(p, n->children[j]) < 0) return -1;
        }
        n->fact = optional(fact);
        n->constant = optional(constant);
        n->value_fact = optional(value_fact);
        n->ruled_out_by = optional(ruled_out_by);
        if (date_test != Py_None) { /* (the Python test, its kind, its span) */
            int date_op;
            if (!PyArg_ParseTuple(date_test, "OiO!;a date test is (test, kind, span)", &date_test, &date_op,
                                  &PyTuple_Type, &date_parts))
                return -1;
            if (date_op < 1 || date_op > 3 || !PyCallable_Check(date_test)) {
                PyErr_Format(PyExc_ValueError, "node %zd: a date test's kind is 1, 2 or 3 and its test callable", i);
                return -1;
            }
            n->date_op = date_op;
            n->date_parts = Py_NewRef(date_parts);
        }
        n->date_test = optional(date_test);
        if (kind == K_FACT && (n->fact == NULL || (n->date_test == NULL && n->value_fact == NULL && n->constant == NULL))) {
            PyErr_Format(PyExc_ValueError, "node %zd: a fact test needs a fact and a constant, a second fact or a date test", i);
            return -1;
        }
    }
    return 0;
}

static void program_dealloc(ProgramObject *p) {
    program_clear_nodes(p);
    PyMem_Free(p->dependent);
    Py_XDECREF(p->unset);
    Py_XDECREF(p->fact_ruler);
    Py_XDECREF(p->fact_ids);
    Py_XDECREF(p->fact_names);
    Py_TYPE(p)->tp_free((PyObject *)p);
}

static PyObject *program_node(ProgramObject *p, PyObject *arg) {
    Py_ssize_t k = PyLong_AsSsize_t(arg);
    if (k == -1 && PyErr_Occurred()) return NULL;
    if (check_index(p, k) < 0) return NULL;
    return (PyObject *)new_step(p, S_NODE, k);
}

static PyObject *program_ruled(ProgramObject *p, PyObject *arg) {
    Py_ssize_t k = PyLong_AsSsize_t(arg);
    if (k == -1 && PyErr_Occurred()) return NULL;
    if (check_index(p, k) < 0) return NULL;
    return (PyObject *)new_step(p, S_RULED, k);
}

/* scan(leaves, own): leaves a tuple of node indices, own a (frozen)set of them;
 * force(order): order the nodes of a subtree, parents first (stored as the leaves) */
static PyObject *leaves_step(ProgramObject *p, PyObject *leaves, PyObject *own, int kind) {
    StepObject *s = new_step(p, kind, -1);
    if (s == NULL) return NULL;
    s->n_leaves = PyTuple_GET_SIZE(leaves);
    s->leaves = PyMem_Malloc((s->n_leaves ? s->n_leaves : 1) * sizeof(Py_ssize_t));
    s->own = PyMem_Malloc(s->n_leaves ? s->n_leaves : 1);
    if (s->leaves == NULL || s->own == NULL) {
        Py_DECREF(s);
        return PyErr_NoMemory();
    }
    for (Py_ssize_t i = 0; i < s->n_leaves; i++) {
        PyObject *item = PyTuple_GET_ITEM(leaves, i);
        Py_ssize_t k = PyLong_AsSsize_t(item);
        int mine;
        if ((k == -1 && PyErr_Occurred()) || check_index(p, k) < 0 || (mine = PySequence_Contains(own, item)) < 0) {
            Py_DECREF(s);
            return NULL;
        }
        s->leaves[i] = k;
        s->own[i] = (char)mine;
    }
    return (PyObject *)s;
}

static PyObject *program_scan(ProgramObject *p, PyObject *args) {
    PyObject *leaves, *own;
    if (!PyArg_ParseTuple(args, "O!O", &PyTuple_Type, &leaves, &own)) return NULL;
    return leaves_step(p, leaves, own, S_SCAN);
}

static PyObject *nodes_step(ProgramObject *p, PyObject *nodes, int kind) {
    if (!PyTuple_Check(nodes)) {
        PyErr_SetString(PyExc_TypeError, "a tuple of node indices is expected");
        return NULL;
    }
    PyObject *none = PyFrozenSet_New(NULL);
    if (none == NULL) return NULL;
    PyObject *step = leaves_step(p, nodes, none, kind);
    Py_DECREF(none);
    return step;
}

static PyObject *program_force(ProgramObject *p, PyObject *order) {
    return nodes_step(p, order, S_FORCE);
}

static PyObject *program_values(ProgramObject *p, PyObject *roots) {
    return nodes_step(p, roots, S_VALUES);
}

/* entries: a sequence of (index, root or None[, required, evaluate]) */
/* the ids of the fact names in tuple names (new ones are numbered on) */
static int fact_ids(ProgramObject *p, PyObject *names, Py_ssize_t **ids, Py_ssize_t *count) {
    *count = PyTuple_GET_SIZE(names);
    *ids = PyMem_Malloc((*count ? *count : 1) * sizeof(Py_ssize_t));
    if (*ids == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    for (Py_ssize_t i = 0; i < *count; i++) {
        PyObject *name = PyTuple_GET_ITEM(names, i), *id;
        if (!PyUnicode_Check(name)) {
            PyErr_SetString(PyExc_TypeError, "a required fact is named by a string");
            return -1;
        }
        id = PyDict_GetItemWithError(p->fact_ids, name);
        if (id == NULL) {
            if (PyErr_Occurred()) return -1;
            PyObject *next = PyLong_FromSsize_t(PyList_GET_SIZE(p->fact_names));
            int stored = next == NULL ? -1 : PyDict_SetItem(p->fact_ids, name, next);
            Py_XDECREF(next);
            if (stored < 0 || PyList_Append(p->fact_names, name) < 0) return -1;
            id = PyDict_GetItemWithError(p->fact_ids, name);
            if (id == NULL) return -1;
        }
        (*ids)[i] = PyLong_AsSsize_t(id);
    }
    return 0;
}

static int read_entries(ProgramObject *p, PyObject *seq, Entry **entries, Py_ssize_t *count, int candidates) {
    PyObject *fast = PySequence_Fast(seq, "entries must be a sequence");
    if (fast == NULL) return -1;
    Py_ssize_t n = PySequence_Fast_GET_SIZE(fast);
    *entries = PyMem_Calloc(n ? n : 1, sizeof(Entry));
    *count = 0;
    if (*entries == NULL) {
        Py_DECREF(fast);
        PyErr_NoMemory();
        return -1;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        Entry *e = &(*entries)[i];
        PyObject *root, *required = NULL;
        int evaluate = 1;
        PyObject *item = PySequence_Fast_GET_ITEM(fast, i);
        int ok = candidates ? PyArg_ParseTuple(item, "nOO!p;a candidate is (index, root, required, evaluate)",
                                               &e->index, &root, &PyTuple_Type, &required, &evaluate)
                            : PyArg_ParseTuple(item, "nO;an entry is (index, root or None)", &e->index, &root);
        if (!ok) goto fail;
        *count = i + 1;
        if (root == Py_None) {
            if (candidates) {
                PyErr_SetString(PyExc_ValueError, "a candidate pathway needs a root");
                goto fail;
            }
            e->root = -1;
        } else {
            e->root = PyLong_AsSsize_t(root);
            if ((e->root == -1 && PyErr_Occurred()) || check_index(p, e->root) < 0) goto fail;
        }
        if (required != NULL && fact_ids(p, required, &e->required, &e->n_required) < 0) goto fail;
        e->evaluate = evaluate;
    }
    Py_DECREF(fast);
    return 0;
fail:
    Py_DECREF(fast);
    return -1;
}

/* decide(notes, redirects, exclusions, candidates) */
static PyObject *program_decide(ProgramObject *p, PyObject *args) {
    PyObject *notes, *redirects, *exclusions, *candidates;
    if (!PyArg_ParseTuple(args, "OOOO", &notes, &redirects, &exclusions, &candidates)) return NULL;
    StepObject *s = new_step(p, S_DECIDE, -1);
    if (s == NULL) return NULL;
    if (read_entries(p, notes, &s->notes, &s->n_notes, 0) < 0
        || read_entries(p, redirects, &s->redirects, &s->n_redirects, 0) < 0
        || read_entries(p, exclusions, &s->exclusions, &s->n_exclusions, 0) < 0
        || read_entries(p, candidates, &s->candidates, &s->n_candidates, 1) < 0) {
        Py_DECREF(s);
        return NULL;
    }
    return (PyObject *)s;
}

/* best([(index, root, scan step, number of leaves), ...]) */
static PyObject *program_best(ProgramObject *p, PyObject *seq) {
    PyObject *fast = PySequence_Fast(seq, "best takes a list of (index, root, scan, leaves)");
    if (fast == NULL) return NULL;
    StepObject *s = new_step(p, S_BEST, -1);
    Py_ssize_t n = PySequence_Fast_GET_SIZE(fast);
    if (s == NULL) goto fail;
    s->candidates = PyMem_Calloc(n ? n : 1, sizeof(Entry));
    if (s->candidates == NULL) {
        PyErr_NoMemory();
        goto fail;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        Entry *e = &s->candidates[i];
        PyObject *scan;
        if (!PyArg_ParseTuple(PySequence_Fast_GET_ITEM(fast, i), "nnO!n;a candidate is (index, root, scan, leaves)",
                              &e->index, &e->root, &StepType, &scan, &e->n_leaves))
            goto fail;
        s->n_candidates = i + 1;
        if (check_index(p, e->root) < 0) goto fail;
        if (((StepObject *)scan)->kind != S_SCAN || ((StepObject *)scan)->p != p) {
            PyErr_SetString(PyExc_ValueError, "a candidate's scan must be a leaf scan of the same program");
            goto fail;
        }
        e->scan = Py_NewRef(scan);
    }
    Py_DECREF(fast);
    return (PyObject *)s;
fail:
    Py_DECREF(fast);
    Py_XDECREF(s);
    return NULL;
}

/* holding(candidates) */
static PyObject *program_holding(ProgramObject *p, PyObject *candidates) {
    StepObject *s = new_step(p, S_HOLDING, -1);
    if (s == NULL) return NULL;
    if (read_entries(p, candidates, &s->candidates, &s->n_candidates, 1) < 0) {
        Py_DECREF(s);
        return NULL;
    }
    return (PyObject *)s;
}

/* ---- the questions walk ---------------------------------------------------------------- */

typedef struct {
    Py_ssize_t *items;
    Py_ssize_t len, cap;
} Vec;

static int vec_push(Vec *v, Py_ssize_t x) {
    if (v->len == v->cap) {
        Py_ssize_t cap = v->cap ? v->cap * 2 : 64;
        Py_ssize_t *items = PyMem_Realloc(v->items, cap * sizeof(Py_ssize_t));
        if (items == NULL) {
            PyErr_NoMemory();
            return -1;
        }
        v->items = items;
        v->cap = cap;
    }
    v->items[v->len++] = x;
    return 0;
}

/* a tuple of indices below limit, read into a new array (freed and NULL again on an error) */
static int read_index_tuple(PyObject *tuple, Py_ssize_t **items, Py_ssize_t *count, Py_ssize_t limit) {
    if (!PyTuple_Check(tuple)) {
        PyErr_SetString(PyExc_TypeError, "a tuple of indices is expected");
        return -1;
    }
    *count = PyTuple_GET_SIZE(tuple);
    *items = PyMem_Malloc((*count ? *count : 1) * sizeof(Py_ssize_t));
    if (*items == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    for (Py_ssize_t i = 0; i < *count; i++) {
        Py_ssize_t k = PyLong_AsSsize_t(PyTuple_GET_ITEM(tuple, i));
        if ((k == -1 && PyErr_Occurred()) || k < 0 || k >= limit) {
            if (!PyErr_Occurred()) PyErr_Format(PyExc_IndexError, "index %zd out of range (%zd)", k, limit);
            PyMem_Free(*items);
            *items = NULL;
            *count = 0;
            return -1;
        }
        (*items)[i] = k;
    }
    return 0;
}

/* node indices of the program */
static int read_indices(ProgramObject *p, PyObject *tuple, Py_ssize_t **items, Py_ssize_t *count) {
    return read_index_tuple(tuple, items, count, p->size);
}

/* set_walk_tables(is_gate, gate_free, group_findings, gate_or_all_children, gated_children,
 * fact_ruler): the per-node tables of CompiledPolicy that questions.missing reads */
static PyObject *program_set_walk_tables(ProgramObject *p, PyObject *args) {
    PyObject *is_gate, *gate_free, *findings, *gate_or_all, *gated, *fact_ruler;
    if (!PyArg_ParseTuple(args, "O!O!O!O!O!O!", &PyTuple_Type, &is_gate, &PyTuple_Type, &gate_free, &PyTuple_Type,
                          &findings, &PyTuple_Type, &gate_or_all, &PyTuple_Type, &gated, &PyDict_Type, &fact_ruler))
        return NULL;
    PyObject *tables[] = {is_gate, gate_free, findings, gate_or_all, gated};
    for (int t = 0; t < 5; t++) {
        if (PyTuple_GET_SIZE(tables[t]) != p->size) {
            PyErr_SetString(PyExc_ValueError, "each walk table holds one entry per compiled node");
            return NULL;
        }
    }
    program_clear_walk(p);
    p->walk = PyMem_Calloc(p->size ? p->size : 1, sizeof(Walk));
    if (p->walk == NULL) return PyErr_NoMemory();
    for (Py_ssize_t i = 0; i < p->size; i++) {
        Walk *w = &p->walk[i];
        int gate = PyObject_IsTrue(PyTuple_GET_ITEM(is_gate, i)), free = PyObject_IsTrue(PyTuple_GET_ITEM(gate_free, i));
        if (gate < 0 || free < 0) goto fail;
        w->is_gate = (char)gate;
        w->gate_free = (char)free;
        if (read_indices(p, PyTuple_GET_ITEM(findings, i), &w->findings, &w->n_findings) < 0
            || read_indices(p, PyTuple_GET_ITEM(gate_or_all, i), &w->gate_or_all, &w->n_gate_or_all) < 0
            || read_indices(p, PyTuple_GET_ITEM(gated, i), &w->gated, &w->n_gated) < 0)
            goto fail;
    }
    Py_XSETREF(p->fact_ruler, Py_NewRef(fact_ruler));
    Py_RETURN_NONE;
fail:
    program_clear_walk(p);
    return NULL;
}

typedef struct {
    ProgramObject *p;
    PyObject *out;
    signed char *established; /* -1: not yet known */
} Gates;

static int gates_established(Gates *g, Py_ssize_t idx) {
    if (g->established[idx] >= 0) return g->established[idx];
    Walk *w = &g->p->walk[idx];
    int found = 0;
    for (Py_ssize_t i = 0; i < w->n_gate_or_all && !found; i++) {
        Py_ssize_t k = w->gate_or_all[i];
        if ((PyList_GET_ITEM(g->out, k) == Py_True && g->p->walk[k].is_gate)
            || (g->p->nodes[k].kind == K_ALL && gates_established(g, k)))
            found = 1;
    }
    g->established[idx] = (signed char)found;
    return found;
}

/* the open scenario gates that must hold for idx to hold, appended to v */
static int gates_open(Gates *g, Py_ssize_t idx, Vec *v) {
    Node *n = &g->p->nodes[idx];
    Walk *w = &g->p->walk[idx];
    Py_ssize_t i;
    if (n->kind == K_ALL) {
        for (i = 0; i < w->n_gated; i++) {
            Py_ssize_t k = w->gated[i];
            if (PyList_GET_ITEM(g->out, k) != Py_None) continue;
            if (g->p->walk[k].is_gate ? vec_push(v, k) : gates_open(g, k, v)) return -1;
        }
        return 0;
    }
    /* any: only when each open branch has gates */
    Py_ssize_t start = v->len;
    for (i = 0; i < n->n_children; i++) {
        Py_ssize_t k = n->children[i];
        if (PyList_GET_ITEM(g->out, k) != Py_None) continue;
        Py_ssize_t before = v->len;
        if (g->p->walk[k].is_gate) {
            if (vec_push(v, k) < 0) return -1;
        } else if (!g->p->walk[k].gate_free) {
            if (gates_open(g, k, v) < 0) return -1;
        }
        if (v->len == before) { /* an open branch without a gate: no gate must hold */
            v->len = start;
            return 0;
        }
    }
    return 0;
}

/* push what to walk under the `all` node idx (reversed, so it is walked in order) */
static int push_to_walk(Gates *g, Py_ssize_t idx, Vec *stack, Vec *scratch) {
    Node *n = &g->p->nodes[idx];
    Py_ssize_t i;
    if (!gates_established(g, idx)) {
        scratch->len = 0;
        if (g->p->walk[idx].is_gate) {
            if (vec_push(scratch, idx) < 0) return -1;
        } else if (gates_open(g, idx, scratch) < 0) {
            return -1;
        }
        if (scratch->len) {
            for (i = scratch->len - 1; i >= 0; i--)
                if (vec_push(stack, scratch->items[i]) < 0) return -1;
            return 0;
        }
    }
    for (i = n->n_children - 1; i >= 0; i--)
        if (vec_push(stack, n->children[i]) < 0) return -1;
    return 0;
}

static int ask(PyObject *names, PyObject *name) {
    return PyDict_SetDefault(names, name, Py_None) == NULL ? -1 : 0;
}

/* questions(env, roots, lead): the names of the facts to ask about, in order (questions.py) */
static PyObject *program_questions(ProgramObject *p, PyObject *args) {
    PyObject *env, *roots;
    Py_ssize_t lead;
    if (!PyArg_ParseTuple(args, "OO!n", &env, &PyList_Type, &roots, &lead)) return NULL;
    if (p->walk == NULL) {
        PyErr_SetString(PyExc_RuntimeError, "set_walk_tables was not called for this program");
        return NULL;
    }
    Ctx c;
    if (open_env(p, env, &c) < 0) return NULL;
    PyObject *names = PyDict_New(), *result = NULL;
    char *visited = PyMem_Calloc(2 * (p->size ? p->size : 1), 1); /* non-specific, specific */
    Gates g = {p, c.out, PyMem_Malloc(p->size ? p->size : 1)};
    Vec stack = {NULL, 0, 0}, scratch = {NULL, 0, 0};
    if (names == NULL || visited == NULL || g.established == NULL) {
        if (names != NULL) PyErr_NoMemory();
        goto done;
    }
    memset(g.established, -1, p->size);
    for (Py_ssize_t position = 0; position < PyList_GET_SIZE(roots); position++) {
        int specific = position < lead;
        char *seen = visited + (specific ? p->size : 0);
        Py_ssize_t root = PyLong_AsSsize_t(PyList_GET_ITEM(roots, position));
        if ((root == -1 && PyErr_Occurred()) || check_index(p, root) < 0) goto done;
        stack.len = 0;
        if (vec_push(&stack, root) < 0) goto done;
        while (stack.len) {
            Py_ssize_t idx = stack.items[--stack.len];
            if (PyList_GET_ITEM(c.out, idx) != Py_None || seen[idx]) continue;
            seen[idx] = 1;
            Node *n = &p->nodes[idx];
            if (n->ruled_out_by != NULL) {
                int known = PyDict_Contains(c.facts, n->ruled_out_by);
                if (known < 0) goto done;
                if (!known) {
                    Walk *w = &p->walk[idx];
                    int holds = 0;
                    for (Py_ssize_t i = 0; i < w->n_findings && !holds; i++)
                        holds = PyList_GET_ITEM(c.out, w->findings[i]) == Py_True;
                    if (!holds) { /* one question settles the whole group */
                        if (ask(names, n->ruled_out_by) < 0) goto done;
                        continue;
                    }
                }
            }
            if (n->kind == K_FACT) {
                PyObject *tested[2] = {n->fact, n->value_fact};
                for (int t = 0; t < 2; t++) {
                    PyObject *name = tested[t];
                    if (name == NULL) continue;
                    int known = PyDict_Contains(c.facts, name);
                    if (known < 0) goto done;
                    if (known) continue;
                    PyObject *blanket = specific ? NULL : PyDict_GetItemWithError(p->fact_ruler, name);
                    if (blanket == NULL && PyErr_Occurred()) goto done;
                    if (blanket != NULL) {
                        int answered = PyDict_Contains(c.facts, blanket);
                        if (answered < 0) goto done;
                        if (answered) blanket = NULL;
                    }
                    if (ask(names, blanket != NULL ? blanket : name) < 0) goto done;
                }
                continue;
            }
            if (n->kind == K_ALL && !p->walk[idx].gate_free) {
                if (push_to_walk(&g, idx, &stack, &scratch) < 0) goto done;
            } else {
                for (Py_ssize_t i = n->n_children - 1; i >= 0; i--)
                    if (vec_push(&stack, n->children[i]) < 0) goto done;
            }
        }
    }
    result = PyDict_Keys(names);
done:
    close_env(&c);
    Py_XDECREF(names);
    PyMem_Free(visited);
    PyMem_Free(g.established);
    PyMem_Free(stack.items);
    PyMem_Free(scratch.items);
    return result;
}

/* ---- why a pathway is not met (determine._failing_texts) -------------------------------- */

static PyObject *str_semicolon, *str_slash;

static int reasons(ProgramObject *p, PyObject *out, PyObject *texts, Py_ssize_t idx, PyObject *acc) {
    if (PyList_GET_ITEM(out, idx) != Py_False) return 0;
    Node *n = &p->nodes[idx];
    Py_ssize_t i;
    if (n->kind == K_FACT || n->ruled_out_by != NULL || n->kind == K_NOT)
        return PyList_Append(acc, PyTuple_GET_ITEM(texts, idx));
    if (n->kind == K_ANY && n->n_children > 1) { /* "none of (a / b)" */
        PyObject *parts = PyList_New(0), *joined = NULL, *item = NULL;
        int rc = -1;
        if (parts == NULL) return -1;
        for (i = 0; i < n->n_children; i++) {
            Py_ssize_t k = n->children[i];
            PyObject *sub = PyList_New(0);
            if (sub == NULL) goto any_done;
            PyObject *part = reasons(p, out, texts, k, sub) < 0 ? NULL : PyUnicode_Join(str_semicolon, sub);
            Py_DECREF(sub);
            if (part == NULL) goto any_done;
            int appended = PyList_Append(parts, PyUnicode_GET_LENGTH(part) ? part : PyTuple_GET_ITEM(texts, k));
            Py_DECREF(part);
            if (appended < 0) goto any_done;
        }
        joined = PyUnicode_Join(str_slash, parts);
        if (joined == NULL) goto any_done;
        item = PyUnicode_FromFormat("none of (%U)", joined);
        if (item == NULL) goto any_done;
        rc = PyList_Append(acc, item);
    any_done:
        Py_DECREF(parts);
        Py_XDECREF(joined);
        Py_XDECREF(item);
        return rc;
    }
    Py_ssize_t start = PyList_GET_SIZE(acc);
    for (i = 0; i < n->n_children; i++)
        if (reasons(p, out, texts, n->children[i], acc) < 0) return -1;
    if (PyList_GET_SIZE(acc) == start) return PyList_Append(acc, PyTuple_GET_ITEM(texts, idx));
    return 0;
}

/* failing(out, root, texts): the reasons, in order, with repeats (texts: one str per node) */
static PyObject *program_failing(ProgramObject *p, PyObject *args) {
    PyObject *out, *texts;
    Py_ssize_t root;
    if (!PyArg_ParseTuple(args, "O!nO!", &PyList_Type, &out, &root, &PyTuple_Type, &texts)) return NULL;
    if (PyList_GET_SIZE(out) != p->size || PyTuple_GET_SIZE(texts) != p->size) {
        PyErr_SetString(PyExc_ValueError, "the state and the texts hold one entry per compiled node");
        return NULL;
    }
    for (Py_ssize_t i = 0; i < p->size; i++) {
        if (!PyUnicode_Check(PyTuple_GET_ITEM(texts, i))) {
            PyErr_SetString(PyExc_TypeError, "each node's text must be a string");
            return NULL;
        }
    }
    if (check_index(p, root) < 0) return NULL;
    PyObject *acc = PyList_New(0);
    if (acc != NULL && reasons(p, out, texts, root, acc) < 0) Py_CLEAR(acc);
    return acc;
}

/* set_code_dependent(indices): the nodes whose result depends on the requested code */
static PyObject *program_set_code_dependent(ProgramObject *p, PyObject *indices) {
    Py_ssize_t *items, n;
    if (read_indices(p, indices, &items, &n) < 0) return NULL;
    PyMem_Free(p->dependent);
    p->dependent = items;
    p->n_dependent = n;
    Py_RETURN_NONE;
}

static int is_scan(ProgramObject *p, PyObject *o) {
    return Py_IS_TYPE(o, &StepType) && ((StepObject *)o)->kind == S_SCAN && ((StepObject *)o)->p == p;
}

/* suggest(holding, force, env_class, requested_key, n_keys, n_pathways, codes, candidates):
 *   codes: [(code, key, region, modality, contrast, [(root or None, rule, dependent, blind_safe,
 *            suggesting scan or None), ...]), ...]
 *   candidates: [(pathway, root, shared, blind_safe, code indices, view ids, number of views,
 *                 ((node, case fact or None), ...)), ...] */
static PyObject *program_suggest(ProgramObject *p, PyObject *args) {
    PyObject *holding, *force, *env_class, *codes, *candidates;
    Py_ssize_t requested_key, n_keys, n_pathways;
    if (!PyArg_ParseTuple(args, "O!OOnnnO!O!", &StepType, &holding, &force, &env_class, &requested_key, &n_keys,
                          &n_pathways, &PyList_Type, &codes, &PyList_Type, &candidates))
        return NULL;
    if (((StepObject *)holding)->kind != S_HOLDING || requested_key < 0 || requested_key >= n_keys || n_pathways < 0) {
        PyErr_SetString(PyExc_ValueError, "suggest: a holding step, a requested state key below the number of keys");
        return NULL;
    }
    if (p->dependent == NULL && p->size) {
        PyErr_SetString(PyExc_RuntimeError, "set_code_dependent was not called for this program");
        return NULL;
    }
    StepObject *s = new_step(p, S_SUGGEST, -1);
    if (s == NULL) return NULL;
    struct Suggest *g = s->suggest = PyMem_Calloc(1, sizeof(struct Suggest));
    if (g == NULL) goto nomem;
    g->holding = Py_NewRef(holding);
    g->force = Py_NewRef(force);
    g->env_class = Py_NewRef(env_class);
    g->requested_key = requested_key;
    g->n_keys = n_keys;
    g->n_pathways = n_pathways;
    g->by_pathway = PyMem_Calloc(n_pathways ? n_pathways : 1, sizeof(SCand *));
    g->codes = PyMem_Calloc(PyList_GET_SIZE(codes) ? PyList_GET_SIZE(codes) : 1, sizeof(SCode));
    if (g->by_pathway == NULL || g->codes == NULL) goto nomem;
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(codes); i++) {
        SCode *code = &g->codes[i];
        PyObject *items;
        if (!PyArg_ParseTuple(PyList_GET_ITEM(codes, i), "UnOOOO!;a code is (code, key, region, modality, contrast, items)",
                              &code->code, &code->key, &code->region, &code->modality, &code->contrast,
                              &PyList_Type, &items))
            goto fail;
        Py_INCREF(code->code);
        Py_INCREF(code->region);
        Py_INCREF(code->modality);
        Py_INCREF(code->contrast);
        g->n_codes = i + 1;
        if (code->key < 0 || code->key >= n_keys) {
            PyErr_SetString(PyExc_ValueError, "a code's state key is out of range");
            goto fail;
        }
        code->items = PyMem_Calloc(PyList_GET_SIZE(items) ? PyList_GET_SIZE(items) : 1, sizeof(SItem));
        if (code->items == NULL) goto nomem;
        for (Py_ssize_t k = 0; k < PyList_GET_SIZE(items); k++) {
            SItem *item = &code->items[k];
            PyObject *root, *suggesting;
            if (!PyArg_ParseTuple(PyList_GET_ITEM(items, k), "OippO;an item is (root, rule, dependent, blind_safe, scan)",
                                  &root, &item->rule, &item->dependent, &item->blind_safe, &suggesting))
                goto fail;
            code->n_items = k + 1;
            item->root = -1;
            if (root != Py_None) {
                item->root = PyLong_AsSsize_t(root);
                if ((item->root == -1 && PyErr_Occurred()) || check_index(p, item->root) < 0) goto fail;
            }
            if (item->rule < 0 || item->rule > 2 || (item->rule == 2 && item->root >= 0 && !is_scan(p, suggesting))) {
                PyErr_SetString(PyExc_ValueError, "an item's rule is 0, 1 or 2 (with the scan of what suggests it)");
                goto fail;
            }
            item->suggesting = suggesting == Py_None ? NULL : Py_NewRef(suggesting);
        }
    }
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(candidates); i++) {
        SCand *cand = PyMem_Calloc(1, sizeof(SCand));
        PyObject *code_indices, *views, *tests;
        Py_ssize_t n_views_checked;
        if (cand == NULL) goto nomem;
        if (!PyArg_ParseTuple(PyList_GET_ITEM(candidates, i), "nnppO!O!nO!;a candidate is (pathway, root, shared, "
                              "blind_safe, codes, views, number of views, tests)",
                              &cand->index, &cand->root, &cand->shared, &cand->blind_safe, &PyTuple_Type, &code_indices,
                              &PyTuple_Type, &views, &cand->n_views, &PyTuple_Type, &tests)) {
            PyMem_Free(cand);
            goto fail;
        }
        if (cand->index < 0 || cand->index >= n_pathways || g->by_pathway[cand->index] != NULL
            || check_index(p, cand->root) < 0) {
            if (!PyErr_Occurred()) PyErr_SetString(PyExc_ValueError, "a candidate's pathway is out of range or repeated");
            PyMem_Free(cand);
            goto fail;
        }
        g->by_pathway[cand->index] = cand;
        if (read_index_tuple(code_indices, &cand->codes, &cand->n_codes, g->n_codes) < 0
            || read_index_tuple(views, &cand->views, &n_views_checked, cand->n_views ? cand->n_views : 1) < 0)
            goto fail;
        if (n_views_checked != cand->n_codes) {
            PyErr_SetString(PyExc_ValueError, "a candidate needs one view id per code");
            goto fail;
        }
        cand->n_tests = PyTuple_GET_SIZE(tests);
        cand->test_node = PyMem_Calloc(cand->n_tests ? cand->n_tests : 1, sizeof(Py_ssize_t));
        cand->test_fact = PyMem_Calloc(cand->n_tests ? cand->n_tests : 1, sizeof(PyObject *));
        if (cand->test_node == NULL || cand->test_fact == NULL) goto nomem;
        for (Py_ssize_t t = 0; t < cand->n_tests; t++) {
            PyObject *fact;
            if (!PyArg_ParseTuple(PyTuple_GET_ITEM(tests, t), "nO;a test is (node, case fact or None)",
                                  &cand->test_node[t], &fact) || check_index(p, cand->test_node[t]) < 0)
                goto fail;
            cand->test_fact[t] = fact == Py_None ? NULL : Py_NewRef(fact);
        }
    }
    return (PyObject *)s;
nomem:
    PyErr_NoMemory();
fail:
    Py_DECREF(s);
    return NULL;
}

/* copy_state(out): a copy of the evaluation state ``out`` with the code-dependent nodes unset */
static PyObject *program_copy_state(ProgramObject *p, PyObject *out) {
    if (!PyList_CheckExact(out) || PyList_GET_SIZE(out) != p->size) {
        PyErr_SetString(PyExc_ValueError, "the state must be a list of one value per compiled node");
        return NULL;
    }
    if (p->dependent == NULL && p->size) {
        PyErr_SetString(PyExc_RuntimeError, "set_code_dependent was not called for this program");
        return NULL;
    }
    return copy_unset(p, out);
}

static PyMethodDef program_methods[] = {
    {"set_code_dependent", (PyCFunction)program_set_code_dependent, METH_O,
     "set_code_dependent(indices): the nodes whose result depends on the requested code"},
    {"suggest", (PyCFunction)program_suggest, METH_VARARGS, "suggest(...) -> suggest(env): see step_suggest"},
    {"failing", (PyCFunction)program_failing, METH_VARARGS,
     "failing(out, root, texts) -> why root is false: its deepest false criteria"},
    {"set_walk_tables", (PyCFunction)program_set_walk_tables, METH_VARARGS,
     "set_walk_tables(is_gate, gate_free, group_findings, gate_or_all_children, gated_children, fact_ruler)"},
    {"questions", (PyCFunction)program_questions, METH_VARARGS,
     "questions(env, roots, lead) -> the names of the facts to ask about (questions.missing)"},
    {"copy_state", (PyCFunction)program_copy_state, METH_O,
     "copy_state(out) -> a copy of out with the code-dependent nodes unset"},
    {"node", (PyCFunction)program_node, METH_O, "node(k) -> n{k}(env): evaluate node k"},
    {"ruled", (PyCFunction)program_ruled, METH_O, "ruled(root) -> r{root}(out, status, implied)"},
    {"best", (PyCFunction)program_best, METH_O, "best(candidates) -> best(scratch, out, implied): see step_best"},
    {"values", (PyCFunction)program_values, METH_O, "values(roots) -> values(env): their values, evaluated when unset"},
    {"force", (PyCFunction)program_force, METH_O, "force(order) -> force(env): evaluate every unset node of order"},
    {"scan", (PyCFunction)program_scan, METH_VARARGS, "scan(leaves, own) -> s(env): (leaves met, own leaves met)"},
    {"decide", (PyCFunction)program_decide, METH_VARARGS,
     "decide(notes, redirects, exclusions, candidates) -> decide(env)"},
    {"holding", (PyCFunction)program_holding, METH_O, "holding(candidates) -> holding(env)"},
    {NULL, NULL, 0, NULL},
};

static PyObject *program_new(PyTypeObject *type, PyObject *args, PyObject *kwds) {
    ProgramObject *p = (ProgramObject *)type->tp_alloc(type, 0);
    if (p != NULL) {
        p->size = 0;
        p->nodes = NULL;
        p->unset = NULL;
        p->walk = NULL;
        p->fact_ruler = NULL;
        p->n_dependent = 0;
        p->dependent = NULL;
        p->fact_ids = PyDict_New();
        p->fact_names = PyList_New(0);
        if (p->fact_ids == NULL || p->fact_names == NULL) Py_CLEAR(p);
    }
    return (PyObject *)p;
}

static PyObject *program_size(ProgramObject *p, void *closure) {
    return PyLong_FromSsize_t(p->size);
}

static PyGetSetDef program_getset[] = {
    {"size", (getter)program_size, NULL, "number of compiled nodes", NULL},
    {NULL},
};

static PyTypeObject ProgramType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "spinecheck.engine._native.Program",
    .tp_doc = "A compiled policy's node table, evaluated in C.",
    .tp_basicsize = sizeof(ProgramObject),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_new = program_new,
    .tp_init = (initproc)program_init,
    .tp_dealloc = (destructor)program_dealloc,
    .tp_methods = program_methods,
    .tp_getset = program_getset,
};

static struct PyModuleDef native_module = {
    PyModuleDef_HEAD_INIT, "_native", "The criteria evaluator in C (see codegen.py for the Python twin).", -1, NULL,
};

PyMODINIT_FUNC PyInit__native(void) {
    if (PyType_Ready(&ProgramType) < 0 || PyType_Ready(&StepType) < 0) return NULL;
    str_facts = PyUnicode_InternFromString("facts");
    str_out = PyUnicode_InternFromString("out");
    str_isdisjoint = PyUnicode_InternFromString("isdisjoint");
    str_redirect = PyUnicode_InternFromString("redirect");
    str_exclusion = PyUnicode_InternFromString("exclusion");
    str_semicolon = PyUnicode_InternFromString("; ");
    str_request_date = PyUnicode_InternFromString("request_date");
    str_cutoffs = PyUnicode_InternFromString("cutoffs");
    str_cutoff = PyUnicode_InternFromString("cutoff");
    PyDateTime_IMPORT;
    if (PyDateTimeAPI == NULL || str_cutoff == NULL) return NULL;
    str_request_region = PyUnicode_InternFromString("request_region");
    str_request_modality = PyUnicode_InternFromString("request_modality");
    str_request_contrast = PyUnicode_InternFromString("request_contrast");
    if (!str_request_date || !str_cutoffs || !str_request_region || !str_request_modality || !str_request_contrast)
        return NULL;
    str_slash = PyUnicode_InternFromString(" / ");
    if (!str_semicolon || !str_slash || !str_facts || !str_out || !str_isdisjoint || !str_redirect || !str_exclusion) return NULL;
    PyObject *m = PyModule_Create(&native_module);
    if (m == NULL) return NULL;
#ifndef SPINECHECK_SOURCE_HASH
#define SPINECHECK_SOURCE_HASH "unknown"
#endif
    if (PyModule_AddObjectRef(m, "Program", (PyObject *)&ProgramType) < 0
        || PyModule_AddStringConstant(m, "SOURCE_HASH", SPINECHECK_SOURCE_HASH) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
