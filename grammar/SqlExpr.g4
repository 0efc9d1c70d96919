grammar SqlExpr;
root : expr EOF ;
expr : INT ;
INT : [0-9]+ ;
WS : [ \t\r\n]+ -> skip ;
