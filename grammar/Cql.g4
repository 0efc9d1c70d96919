// The CQL a data migration may write (Cassandra 4's cql3 grammar, Cql.g in
// its source tree, reduced to writes): INSERT, UPDATE, DELETE and BATCH with
// their IF conditions, USING TTL / TIMESTAMP, collection and counter
// updates. It reads Cassandra's `validate: true` customSQL
// (backends/cassandra/CqlParse.cpp), which then checks the statements
// against the Table specs (CassandraStatements.cpp).
//
// ALLOW FILTERING parses after a write's WHERE, although Cassandra's own
// grammar has no place for it there, so that the check can say why a write
// cannot use it rather than report a bare syntax error. Keywords are
// case-insensitive (letter fragments: ANTLR 4.7 has no caseInsensitive
// option); the words a name may also be are listed in `identifier`.
grammar Cql;

script
  : SEMI* (statement (SEMI+ statement)* SEMI*)? EOF
  ;

statement
  : insertStatement
  | updateStatement
  | deleteStatement
  | batchStatement
  ;

batchStatement
  : K_BEGIN (K_UNLOGGED | K_COUNTER)? K_BATCH usingClause?
    (batchChild SEMI*)*
    K_APPLY K_BATCH
  ;

batchChild
  : insertStatement
  | updateStatement
  | deleteStatement
  ;

insertStatement
  : K_INSERT K_INTO tableName
    LPAREN columnName (COMMA columnName)* RPAREN
    K_VALUES LPAREN term (COMMA term)* RPAREN
    ifNotExists? usingClause?
  ;

updateStatement
  : K_UPDATE tableName usingClause?
    K_SET assignment (COMMA assignment)*
    whereClause
    (ifExists | ifConditions)?
    allowFiltering?
  ;

deleteStatement
  : K_DELETE (deleteSelection (COMMA deleteSelection)*)?
    K_FROM tableName usingClause?
    whereClause
    (ifExists | ifConditions)?
    allowFiltering?
  ;

deleteSelection
  : columnName (LBRACKET term RBRACKET)?
  ;

// `c = 5`, `c = c + 1` (counter), `s = s + {'a'}`, `l = ['x'] + l`,
// `m['k'] = 'v'`: the checker tells which column each operand names.
assignment
  : columnName (LBRACKET term RBRACKET)? EQ term ((PLUS | MINUS) term)?
  ;

usingClause
  : K_USING usingOption (K_AND usingOption)*
  ;

usingOption
  : K_TTL term
  | K_TIMESTAMP term
  ;

ifNotExists
  : K_IF K_NOT K_EXISTS
  ;

ifExists
  : K_IF K_EXISTS
  ;

ifConditions
  : K_IF condition (K_AND condition)*
  ;

condition
  : columnName (LBRACKET term RBRACKET)? comparison term
  | columnName K_IN LPAREN term (COMMA term)* RPAREN
  ;

whereClause
  : K_WHERE relation (K_AND relation)*
  ;

relation
  : columnName comparison term
  | columnName K_IN LPAREN (term (COMMA term)*)? RPAREN
  | K_TOKEN LPAREN columnName (COMMA columnName)* RPAREN comparison term
  ;

comparison
  : EQ | NE | LT | LE | GT | GE
  ;

allowFiltering
  : K_ALLOW K_FILTERING
  ;

term
  : literal
  | collection
  | functionCall
  | columnName
  ;

functionCall
  : identifier LPAREN (term (COMMA term)*)? RPAREN
  ;

collection
  : LBRACE RBRACE
  | LBRACE term (COMMA term)* RBRACE
  | LBRACE term COLON term (COMMA term COLON term)* RBRACE
  | LBRACKET (term (COMMA term)*)? RBRACKET
  | LPAREN term (COMMA term)* RPAREN
  ;

literal
  : STRING
  | INTEGER
  | FLOAT
  | HEXNUMBER
  | UUID
  | K_TRUE
  | K_FALSE
  | K_NULL
  | MINUS (INTEGER | FLOAT)
  ;

tableName
  : (identifier DOT)? identifier
  ;

columnName
  : identifier
  ;

// Words Cassandra reserves are not names; the unreserved ones are.
identifier
  : IDENT
  | QUOTED_IDENT
  | K_TTL | K_TIMESTAMP | K_COUNTER | K_FILTERING | K_EXISTS | K_TOKEN
  ;

K_ALLOW: A L L O W;
K_AND: A N D;
K_APPLY: A P P L Y;
K_BATCH: B A T C H;
K_BEGIN: B E G I N;
K_COUNTER: C O U N T E R;
K_DELETE: D E L E T E;
K_EXISTS: E X I S T S;
K_FALSE: F A L S E;
K_FILTERING: F I L T E R I N G;
K_FROM: F R O M;
K_IF: I F;
K_IN: I N;
K_INSERT: I N S E R T;
K_INTO: I N T O;
K_NOT: N O T;
K_NULL: N U L L;
K_SET: S E T;
K_TIMESTAMP: T I M E S T A M P;
K_TOKEN: T O K E N;
K_TRUE: T R U E;
K_TTL: T T L;
K_UNLOGGED: U N L O G G E D;
K_UPDATE: U P D A T E;
K_USING: U S I N G;
K_VALUES: V A L U E S;
K_WHERE: W H E R E;

UUID: HEX HEX HEX HEX HEX HEX HEX HEX '-' HEX HEX HEX HEX '-' HEX HEX HEX HEX '-'
      HEX HEX HEX HEX '-' HEX HEX HEX HEX HEX HEX HEX HEX HEX HEX HEX HEX;
HEXNUMBER: '0' [xX] HEX*;
FLOAT: DIGIT+ '.' DIGIT* EXPONENT? | DIGIT+ EXPONENT | '.' DIGIT+ EXPONENT?;
INTEGER: DIGIT+;
STRING: '\'' ('\'\'' | ~'\'')* '\'';
QUOTED_IDENT: '"' ('""' | ~'"')* '"';
IDENT: [a-zA-Z] [a-zA-Z0-9_]*;

EQ: '=';
NE: '!=';
LE: '<=';
GE: '>=';
LT: '<';
GT: '>';
PLUS: '+';
MINUS: '-';
LPAREN: '(';
RPAREN: ')';
LBRACE: '{';
RBRACE: '}';
LBRACKET: '[';
RBRACKET: ']';
COMMA: ',';
COLON: ':';
DOT: '.';
SEMI: ';';

LINE_COMMENT: ('--' | '//') ~[\r\n]* -> skip;
BLOCK_COMMENT: '/*' .*? '*/' -> skip;
WS: [ \t\r\n]+ -> skip;
// Anything else is one token the parser rejects at its position.
UNEXPECTED: .;

fragment DIGIT: [0-9];
fragment EXPONENT: [eE] [+-]? DIGIT+;
fragment HEX: [0-9a-fA-F];
fragment A: [aA]; fragment B: [bB]; fragment C: [cC]; fragment D: [dD];
fragment E: [eE]; fragment F: [fF]; fragment G: [gG]; fragment H: [hH];
fragment I: [iI]; fragment J: [jJ]; fragment K: [kK]; fragment L: [lL];
fragment M: [mM]; fragment N: [nN]; fragment O: [oO]; fragment P: [pP];
fragment Q: [qQ]; fragment R: [rR]; fragment S: [sS]; fragment T: [tT];
fragment U: [uU]; fragment V: [vV]; fragment W: [wW]; fragment X: [xX];
fragment Y: [yY]; fragment Z: [zZ];
